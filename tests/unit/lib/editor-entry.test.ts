/**
 * What the browser editor writes: files in the importer's layout, new
 * documents completed as `npm run new` would, and the two-step 新版本 path
 * ending in the versions `npm run new -- revision` makes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDER_KEY } from '../../../src/lib/editor/constants.ts';
import { completeNewEntry } from '../../../src/lib/editor/new-entry.ts';
import { checkFrontMatter } from '../../../src/lib/front-matter-check.ts';
import { documentSource, orderFrontMatter, parseDocumentSource } from '../../../src/lib/front-matter-write.ts';
import { markdownFiles } from '../../../src/lib/files.ts';
import { ruleSkeleton } from '../../../src/lib/rule-skeleton.ts';
import { reviseRule } from '../../../src/new/revision.ts';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { browserSlugger } from '../../../src/client/admin/document-id.ts';
import { documentId as nodeDocumentId } from '../../../src/importer/slug.ts';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A file as Decap's form hands it to the format: every field, the unused ones empty. */
function formEntry(values: Record<string, unknown>): Record<string, unknown> {
  return {
    id: '', title: '', subtitle: '', date: '', date_note: '', issuer: '', region: '', doc_number: '', speaker: '', meeting: '', effective: '',
    source: { name: '', url: '', retrieved: '', sha256: '' }, original_script: '', tags: [], aliases: [], quality: { flags: [] }, body: '',
    ...values,
  };
}

/** What src/client/admin/cms.ts writes for an entry: the body apart, the folder helper dropped. */
function saved(entry: Record<string, unknown>): string {
  const { body, [FOLDER_KEY]: _folder, ...data } = entry;
  return documentSource(data, String(body ?? ''));
}

function problems(file: string, source: string) {
  return checkFrontMatter(file, source, parseFrontmatter(source).frontmatter);
}

describe('the writer shared by the importer and the editor', () => {
  it('reads and writes every imported document of content/ back byte for byte', () => {
    const files = markdownFiles('content');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const { data, body } = parseDocumentSource(source);
      expect(documentSource(data, body), file).toBe(source);
    }
  });

  it('puts fields in the importer order and leaves out what a form leaves empty', () => {
    const ordered = orderFrontMatter({ adopted: '2025-03-01', work: 'w', body: undefined, tags: ['', '人大'], title: '标题', id: 'x', type: 'rule', source: { url: '', name: '' }, quality: { flags: [] }, region: '' });
    expect(Object.keys(ordered)).toEqual(['id', 'title', 'type', 'tags', 'work', 'adopted']);
    expect(ordered.tags).toEqual(['人大']);
  });

  it('reads dates as the text written, never as YAML timestamps or numbers', () => {
    const { data } = parseDocumentSource('---\nid: x\ndate: 2019-10-29\neffective: 2019\nsource:\n  retrieved: 2024\n---\n正文\n');
    expect(data).toMatchObject({ date: '2019-10-29', effective: '2019', source: { retrieved: '2024' } });
  });
});

describe('a new document saved from the form', () => {
  it('a rule gets its id from date and title, its folder, its work and adoption date, and a 第一条 naming it', () => {
    const entry = completeNewEntry(formEntry({ type: 'rule', status: '现行有效', title: '青禾区代表建议办理办法', date: '2025-03-01', issuer: '青禾区人大常委会', body: ruleSkeleton() }), browserSlugger);
    expect(entry.id).toBe(browserSlugger.documentId('青禾区代表建议办理办法', '2025-03-01', { disambiguate: true }));
    expect(entry.id).toMatch(/^2025-03-01-qing-he-qu-dai-biao-jian-yi-ban-[0-9a-f]{4}$/);
    expect(entry).toMatchObject({ [FOLDER_KEY]: '2025', work: String(entry.id).slice('2025-03-01-'.length), adopted: '2025-03-01' });
    expect(entry.body).toContain('制定本办法。');
    const source = saved(entry);
    expect(problems(`2025/${entry.id}.md`, source)).toEqual([]);
    expect(source).toBe(
      `---\nid: ${entry.id}\ntitle: 青禾区代表建议办理办法\ntype: rule\nstatus: 现行有效\ndate: '2025-03-01'\nissuer: 青禾区人大常委会\nwork: ${entry.work}\nadopted: '2025-03-01'\n---\n## 第一章　总则\n\n第一条　为了……，根据……，结合本地实际，制定本办法。\n`,
    );
  });

  it('an undated opinion goes to undated/; its id follows the rules of the importer, one word per character', () => {
    const entry = completeNewEntry(formEntry({ type: 'opinion', title: '青禾区实施意见', body: '正文。' }), browserSlugger);
    expect(entry).toMatchObject({ id: 'undated-qing-he-qu-shi-shi-yi-jian', [FOLDER_KEY]: 'undated' });
    expect(entry.work).toBeUndefined();
    expect(problems('undated/x.md', saved(entry))).toEqual([]);
    // Same rules as the importer's ids; only the grouping of syllables into words differs.
    expect(nodeDocumentId('青禾区实施意见', undefined)).toBe('undated-qing-he-qu-shishi-yijian');
    expect(browserSlugger.documentId('关于2025年工作的通知', '2025')).toBe('2025-guan-yu-2025-nian-gong-zuo-de-tong-zhi'.split('-').slice(0, 9).join('-'));
  });

  it('derives a new document’s id even when a copy carries the current version’s, so the copy cannot overwrite it', () => {
    const entry = completeNewEntry(formEntry({ type: 'opinion', id: '2024-01-01-old-version', title: '青禾区实施意见', date: '2025-06-30', body: '正文。' }), browserSlugger);
    expect(entry.id).toBe('2025-06-30-qing-he-qu-shi-shi-yi-jian');
    expect(entry[FOLDER_KEY]).toBe('2025');
  });

  it('keeps the id and file of a document that exists (only new documents are completed by cms.ts)', () => {
    const source = readFileSync('content/2022/2022-06-23-shenru-xuexi-guanche.md', 'utf8');
    const { data, body } = parseDocumentSource(source);
    expect(saved({ ...data, body })).toBe(source);
  });
});

describe('新版本 in the editor: two steps ending in the versions npm run new -- revision makes', () => {
  const current = readFileSync('tests/fixtures/site/content/rules/sample-rule.md', 'utf8');
  const adopted = '2025-06-30';
  const effective = '2025-07-01';

  it('step 1 copies the current version (发布，然后复制内容 / 复制) with the new dates; step 2 marks the current one 已修订', () => {
    const revision = reviseRule(current, { adopted, effective, today: '2025-08-01' });
    const { data, body } = parseDocumentSource(current);
    // Step 1: the copy, as the clerk edits it: the new dates and status; the copy's own number, source and flags cleared.
    const copy = completeNewEntry(formEntry({ ...data, body, id: '', date: adopted, adopted, effective, status: '现行有效', doc_number: '', source: {}, work: revision.work }), browserSlugger);
    const next = saved(copy);
    // Step 2: the current version, opened and saved with the same work and 已修订.
    const updated = saved({ ...data, body, work: revision.work, status: '已修订' });

    // As the build reads them (YAML's timestamps back to the dates written).
    const fields = (source: string) => {
      const result = validateFrontMatter(parseFrontmatter(source).frontmatter);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.data as Record<string, unknown>;
    };
    const { id: _formId, ...formNext } = fields(next);
    const { id: _cliId, ...cliNext } = fields(revision.next.source);
    expect(formNext).toEqual(cliNext);
    expect(parseFrontmatter(next).content.trim()).toBe(parseFrontmatter(revision.next.source).content.trim());
    expect(fields(updated)).toEqual(fields(revision.current));
    expect(copy[FOLDER_KEY]).toBe('2025');

    dir = mkdtempSync(path.join(tmpdir(), 'wenyuan-editor-'));
    mkdirSync(path.join(dir, '2023'));
    mkdirSync(path.join(dir, '2025'));
    writeFileSync(path.join(dir, '2023', 'sample-rule.md'), updated);
    writeFileSync(path.join(dir, '2025', `${copy.id}.md`), next);
    const check = spawnSync(process.execPath, ['scripts/check-content.ts', dir], { encoding: 'utf8' });
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
  });
});
