/**
 * Versions of one rule at import (src/importer/versions.ts): the pure
 * decisions, a batch through runImport, the output folder, and the two
 * corpus copies of 行政复议法 (read from ../shared/corpus/laws-full.tar.gz into
 * memory, never copied into the project) imported together and read back
 * through the site's own rules data (src/data/rules.ts), as the document
 * page's timeline and the diff page get them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseTitle, corpusAdoption, planVersions, revisionNote, type BatchDocument, type ExistingDocument } from '../../../src/importer/versions.ts';
import { readExistingDocuments } from '../../../src/importer/existing.ts';
import { importOne, runImport, type RunIo, type RunOptions } from '../../../src/importer/run.ts';
import type { InputReport } from '../../../src/importer/report.ts';
import { workSlug } from '../../../src/importer/slug.ts';
import { reviseRule } from '../../../src/new/revision.ts';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { timeline } from '../../../src/lib/rules/versions.ts';
import { createRuleReader } from '../../../src/markdown/read-rule.ts';
import { RULE_STRUCTURE_KEY } from '../../../src/markdown/remark-rule-structure.ts';
import { CORPUS } from './fixtures.ts';

// src/data/rules.ts reads Astro's collection; here the collection is the imported documents.
const collection = vi.hoisted(() => ({ entries: [] as unknown[], render: undefined as undefined | ((entry: unknown) => Promise<unknown>) }));
vi.mock('astro:content', () => ({
  getCollection: async () => collection.entries,
  render: async (entry: unknown) => collection.render!(entry),
}));

const OPTIONS: RunOptions = { overrides: {}, force: false, dryRun: true, today: '2026-01-01' };

/** A batch of in-memory inputs: path → text. */
function memoryIo(files: Record<string, string>, writes: Map<string, string> = new Map()): RunIo {
  return {
    read: (path) => {
      if (!(path in files)) throw new Error(`${path}: no such file`);
      return new TextEncoder().encode(files[path]);
    },
    write: (relativePath, content) => {
      writes.set(relativePath, content);
      return { written: true, file: relativePath };
    },
  };
}

const frontMatter = (report: InputReport) => matter(report.content!).data as Record<string, unknown>;

describe('adoption dates and revision notes', () => {
  const history = [
    { text: '1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过', line: 3 },
    { text: '2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正', line: 5 },
    { text: '2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国法官法〉等八部法律的决定》第二次修正', line: 7 },
    { text: '2018年1月1日起施行', line: 9 },
  ];

  it('takes the file-name date when a 通过/修订/修正 line bears it', () => {
    expect(corpusAdoption(history, '2017-09-01')).toMatchObject({ value: '2017-09-01', how: expect.stringContaining('第7行') });
  });

  it('gives none when the file-name date is a 施行 or unknown date, so the version is ordered by its date as statuses are', () => {
    expect(corpusAdoption(history, '2018-01-01')).toBeUndefined();
    expect(corpusAdoption(history, '2020-05-05')).toBeUndefined();
  });

  it('takes the latest adopting line for a file without a date in its name, never a 施行 or 废止 line', () => {
    expect(corpusAdoption(history)?.value).toBe('2017-09-01');
    expect(corpusAdoption([...history, { text: '2021年3月1日 国务院令第七百三十九号废止', line: 11 }])?.value).toBe('2017-09-01');
  });

  it('reads a raw page\'s revision note and the revision in its title', () => {
    const note = revisionNote('青禾区人民代表大会常务委员会议事规则', ['（2019年3月1日青禾区第一届人民代表大会常务委员会第五次会议通过　2023年6月30日青禾区第二届人民代表大会常务委员会第八次会议修订）']);
    expect(note.revises).toContain('2023年6月30日');
    expect(note.adopted?.value).toBe('2023-06-30');
    expect(revisionNote('青禾区物业管理条例（2021年修正）', []).adopted?.value).toBe('2021');
    expect(revisionNote('青禾区物业管理条例（2021年修正）', []).revises).toContain('2021年修正');
    // A note that only says when it was adopted is no revision.
    const adoptedOnly = revisionNote('青禾区物业管理条例', ['（2019年3月1日青禾区第一届人民代表大会常务委员会第五次会议通过）']);
    expect(adoptedOnly.revises).toBeUndefined();
    expect(adoptedOnly.adopted?.value).toBe('2019-03-01');
    expect(baseTitle('青禾区物业管理条例（2021年第二次修正本）')).toBe('青禾区物业管理条例');
    expect(baseTitle('青禾区物业管理条例')).toBe('青禾区物业管理条例');
  });
});

describe('planVersions', () => {
  const rule = (id: string, extra: Partial<BatchDocument> = {}): BatchDocument => ({ file: `${id}.md`, id, type: 'rule', title: '青禾区物业管理条例', issuer: '青禾区人大常委会', ...extra });
  const corpus = (id: string, date: string, status = '现行有效') => rule(id, { date, status, corpus: { key: '青禾区物业管理条例', date }, adopted: { value: date, how: 'test' } });
  const existingDoc = (id: string, extra: Partial<ExistingDocument> = {}): ExistingDocument => ({ file: `content/${id}.md`, relative: `${id}.md`, id, type: 'rule', title: '青禾区物业管理条例', issuer: '青禾区人大常委会', ...extra });
  const WORK = workSlug('青禾区物业管理条例');

  it('gives corpus versions with one key and title the work `npm run new -- revision` would give, and their adoption dates', () => {
    const plan = planVersions([corpus('v2023', '2023-06-01'), corpus('v2017', '2017-01-01', '已修订')], []);
    const current = `---\nid: v2017\ntype: rule\ntitle: 青禾区物业管理条例\ndate: 2017-01-01\n---\n`;
    expect(plan.fields.get(0)?.work?.value).toBe(reviseRule(current, { adopted: '2023-06-01', today: '2026-01-01' }).work);
    expect(plan.fields.get(1)?.work?.value).toBe(WORK);
    expect([plan.fields.get(0)?.adopted?.value, plan.fields.get(1)?.adopted?.value]).toEqual(['2023-06-01', '2017-01-01']);
    expect(plan.works).toEqual([{ work: WORK, ids: ['v2017', 'v2023'] }]);
  });

  it('makes an older version that still says 现行有效 已修订, and leaves one not yet in force alone', () => {
    const plan = planVersions([corpus('a', '2017-01-01'), corpus('b', '2023-06-01'), corpus('c', '2030-01-01', '尚未生效')], []);
    expect(plan.fields.get(0)?.status?.value).toBe('已修订');
    expect(plan.fields.get(1)?.status).toBeUndefined();
    expect(plan.fields.get(2)?.status).toBeUndefined();
  });

  it('links nothing for a lone version, other kinds, or same-titled raw pages that do not say they revise', () => {
    expect(planVersions([corpus('a', '2017-01-01')], []).fields.size).toBe(0);
    expect(planVersions([rule('a', { date: '2017' }), rule('b', { date: '2023' })], []).fields.size).toBe(0);
    expect(planVersions([rule('a', { type: 'notice', date: '2017', corpus: { key: 'k', date: '2017-01-01' } }), rule('b', { type: 'notice', date: '2023', corpus: { key: 'k', date: '2023-01-01' } })], []).fields.size).toBe(0);
  });

  it('joins a raw page that says it revises to the same-titled rule in the batch, whatever the order', () => {
    const plan = planVersions([rule('new', { revises: '题注', adopted: { value: '2023-06-30', how: 'note' } }), rule('old', { date: '2019-03-05', issuer: undefined })], []);
    expect(plan.fields.get(0)?.work?.value).toBe(WORK);
    expect(plan.fields.get(1)?.work?.value).toBe(WORK);
    expect(plan.works[0]?.ids).toEqual(['old', 'new']);
    // Different issuers are different rules, however alike the titles.
    expect(planVersions([rule('new', { revises: '题注', adopted: { value: '2023-06-30', how: 'note' } }), rule('old', { date: '2019', issuer: '白河区人大常委会' })], []).fields.size).toBe(0);
  });

  it('joins the work of an existing version with the same title and issuer, and asks for nothing', () => {
    const plan = planVersions([corpus('v2023', '2023-06-01')], [existingDoc('v2017', { work: 'qinghe-wuye', date: '2017-01-01', status: '已修订' })]);
    expect(plan.fields.get(0)?.work?.value).toBe('qinghe-wuye');
    expect(plan.updates).toEqual([]);
  });

  it('lists what an existing version without work lacks (work, and 已修订 when it is older), once, for the first input of the work', () => {
    const plan = planVersions([corpus('v2020', '2020-06-01'), corpus('v2023', '2023-06-01')], [existingDoc('v2017', { date: '2017-01-01', status: '现行有效' })]);
    expect(plan.fields.get(1)?.work?.value).toBe(WORK);
    expect(plan.fields.get(0)?.status?.value).toBe('已修订');
    expect(plan.updates).toEqual([{ file: 'content/v2017.md', relative: 'v2017.md', id: 'v2017', fields: [['work', WORK], ['status', '已修订']], by: 0, newer: 'v2023' }]);
  });

  it('does not join an existing document of another issuer or kind', () => {
    expect(planVersions([corpus('v2023', '2023-06-01')], [existingDoc('x', { issuer: '白河区人大常委会', date: '2017' })]).fields.size).toBe(0);
    expect(planVersions([corpus('v2023', '2023-06-01')], [existingDoc('x', { type: 'notice', date: '2017' })]).fields.size).toBe(0);
  });

  it('keeps the work of a document imported again over itself', () => {
    const plan = planVersions([corpus('v2017', '2017-01-01')], [existingDoc('v2017', { work: 'qinghe-wuye', date: '2017-01-01' }), existingDoc('v2023', { work: 'qinghe-wuye', date: '2023-06-01' })]);
    expect(plan.fields.get(0)?.work?.value).toBe('qinghe-wuye');
    expect(plan.fields.get(0)?.status?.value).toBe('已修订');
    expect(plan.updates).toEqual([]);
  });

  it('leaves out, with a note, a version without any date, and two copies of one version', () => {
    const undated = planVersions([corpus('a', '2017-01-01'), corpus('b', '2023-06-01'), rule('c', { corpus: { key: '青禾区物业管理条例' } })], []);
    expect(undated.fields.has(2)).toBe(false);
    expect(undated.notes.get(2)?.[0]).toMatch(/没有日期.*work: /);
    expect(planVersions([corpus('a', '2017-01-01'), corpus('a', '2017-01-01')], []).fields.size).toBe(0);
  });

  it('refuses a work that another rule already has, or existing versions that disagree', () => {
    const taken = planVersions([corpus('a', '2017-01-01'), corpus('b', '2023-06-01')], [existingDoc('z', { title: '另一部条例', work: WORK, date: '2010' })]);
    expect(taken.fields.size).toBe(0);
    expect(taken.notes.get(0)?.[0]).toContain('已属于另一部规则');
    const split = planVersions([corpus('b', '2023-06-01')], [existingDoc('x', { work: 'w1', date: '2010' }), existingDoc('y', { work: 'w2', date: '2015' })]);
    expect(split.fields.size).toBe(0);
    expect(split.notes.get(0)?.[0]).toContain('w1、w2');
  });
});

describe('runImport with versions', () => {
  const RAW_NEW = '青禾区人民代表大会常务委员会议事规则\n\n（2019年3月1日青禾区第一届人民代表大会常务委员会第五次会议通过　2023年6月30日青禾区第二届人民代表大会常务委员会第八次会议修订）\n\n第一章　总则\n\n第一条　为了规范常务委员会的议事活动，制定本规则。\n\n第二条　常务委员会依法行使职权。\n';
  const RAW_OLD = '青禾区人民代表大会常务委员会议事规则\n\n发布时间：2019-03-05\n\n第一条　为了规范议事活动，制定本规则。\n\n第二条　常务委员会行使职权。\n';

  it('gives a raw revision and the rule it revises one work, with work and adopted last in the front matter', () => {
    const reports = runImport(['new.txt', 'old.txt'], OPTIONS, memoryIo({ 'new.txt': RAW_NEW, 'old.txt': RAW_OLD }));
    const [revised, old] = reports.map(frontMatter);
    expect(revised!.work).toBe(workSlug('青禾区人民代表大会常务委员会议事规则'));
    expect(old!.work).toBe(revised!.work);
    expect(revised!.adopted).toBe('2023-06-30');
    expect(Object.keys(revised!).slice(-2)).toEqual(['work', 'adopted']);
    for (const r of reports) expect(validateFrontMatter(frontMatter(r)).ok, r.file).toBe(true);
  });

  it('writes work and adopted only for rules (the schema forbids them elsewhere)', () => {
    const version = { work: { value: 'qinghe-yishi', how: 'test' }, adopted: { value: '2023-06-30', how: 'test' } };
    const bytes = new TextEncoder().encode(RAW_NEW);
    const asRule = importOne('new.txt', bytes, OPTIONS, undefined, version);
    expect(frontMatter(asRule)).toMatchObject({ type: 'rule', work: 'qinghe-yishi', adopted: '2023-06-30' });
    const asNotice = importOne('new.txt', bytes, { ...OPTIONS, overrides: { type: 'notice' } }, undefined, version);
    expect(asNotice.status, asNotice.reason).toBe('would-import');
    expect(frontMatter(asNotice).work).toBeUndefined();
    expect(frontMatter(asNotice).adopted).toBeUndefined();
  });

  describe('an output folder that already holds a version', () => {
    let out = '';
    let existing: ExistingDocument[] = [];
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'wenyuan-versions-'));
      const first = runImport(['old.txt'], { ...OPTIONS, dryRun: false }, memoryIo({ 'old.txt': RAW_OLD }))[0]!;
      mkdirSync(join(out, first.output!, '..'), { recursive: true });
      writeFileSync(join(out, first.output!), first.content!);
      writeFileSync(join(out, 'notes.md'), 'no front matter here\n');
      ({ documents: existing } = readExistingDocuments(out));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('reads the existing documents\' front matter, and names a file it cannot read', () => {
      const { problems } = readExistingDocuments(out);
      expect(existing).toHaveLength(1);
      expect(existing[0]).toMatchObject({ type: 'rule', title: '青禾区人民代表大会常务委员会议事规则', date: '2019-03-05' });
      expect(problems).toEqual([expect.stringMatching(/notes\.md: not read for versions: the file has no front matter/)]);
    });

    it('without --force, joins the new version to it and tells the staff member what to add', () => {
      const writes = new Map<string, string>();
      const [report] = runImport(['new.txt'], { ...OPTIONS, dryRun: false, existing }, memoryIo({ 'new.txt': RAW_NEW }, writes));
      const work = workSlug('青禾区人民代表大会常务委员会议事规则');
      expect(frontMatter(report!).work).toBe(work);
      expect(report!.notes).toEqual([expect.stringContaining(`请在 ${existing[0]!.file} 的前言中加上 work: ${work}`)]);
      expect([...writes.keys()]).toEqual([report!.output]);
    });

    it('with --force, writes the work into the existing file and changes nothing else in it', () => {
      const writes = new Map<string, string>();
      const files = { 'new.txt': RAW_NEW, [existing[0]!.file]: readFileSync(existing[0]!.file, 'utf8') };
      const [report] = runImport(['new.txt'], { ...OPTIONS, dryRun: false, force: true, existing }, memoryIo(files, writes));
      const updated = writes.get(existing[0]!.relative)!;
      expect(report!.notes).toEqual([expect.stringContaining(`已更新 ${existing[0]!.file}`)]);
      expect(updated).toBe(files[existing[0]!.file]!.replace(/\n---\n/, `\nwork: ${workSlug('青禾区人民代表大会常务委员会议事规则')}\n---\n`));
    });
  });
});

describe('行政复议法 2017 and 2023 from the corpus, imported together', () => {
  const MEMBERS = ['诉讼与非诉讼程序法/行政复议法(2017-09-01).md', '诉讼与非诉讼程序法/行政复议法(2023-09-01).md'];
  const files: Record<string, string> = {};
  let reports: InputReport[] = [];

  beforeAll(() => {
    for (const member of MEMBERS) {
      files[`laws-full/${member}`] = execFileSync('tar', ['xzf', join(CORPUS, 'laws-full.tar.gz'), '-O', `laws-full/${member}`], { encoding: 'utf8', maxBuffer: 16 << 20 });
    }
    reports = runImport(Object.keys(files), OPTIONS, memoryIo(files));
  });

  it('gives both the same work, statuses 已修订 / 现行有效, and their adoption dates', () => {
    const [v2017, v2023] = reports.map(frontMatter);
    expect(reports.map((r) => r.status)).toEqual(['would-import', 'would-import']);
    expect(v2017!.work).toBe(workSlug('中华人民共和国行政复议法'));
    expect(v2023!.work).toBe(v2017!.work);
    expect([v2017!.status, v2023!.status]).toEqual(['已修订', '现行有效']);
    expect([v2017!.adopted, v2023!.adopted]).toEqual(['2017-09-01', '2023-09-01']);
    for (const r of reports) expect(validateFrontMatter(frontMatter(r)).ok, r.file).toBe(true);
  });

  it('forms one work with a timeline and a comparison page in the site\'s rules data', async () => {
    const readRule = await createRuleReader();
    collection.entries = reports.map((r) => {
      const { data, content } = matter(r.content!);
      const checked = validateFrontMatter(data);
      if (!checked.ok) throw new Error(`${r.file}: ${JSON.stringify(checked.problems)}`);
      return { id: checked.data.id, collection: 'documents', data: checked.data, body: content, filePath: r.output };
    });
    collection.render = async (entry) => {
      const { body, data } = entry as { body: string; data: Record<string, unknown> };
      return { Content: undefined, headings: [], remarkPluginFrontmatter: { [RULE_STRUCTURE_KEY]: await readRule(body, data) } };
    };
    const { allWorks, versionsOf, compareVersions } = await import('../../../src/data/rules.ts');
    const works = await allWorks();
    expect([...works.keys()]).toEqual([workSlug('中华人民共和国行政复议法')]);
    const versions = [...works.values()][0]!;
    expect(versions.map((v) => v.id)).toEqual(['2017-09-01-xingzhengfuyi-fa', '2023-09-01-xingzhengfuyi-fa']);

    // The document page shows the timeline when a rule has more than one version; the current one is 2023.
    const entries = timeline(await versionsOf(versions[0]!.entry));
    expect(entries.map((e) => [e.version.id, e.current])).toEqual([
      ['2017-09-01-xingzhengfuyi-fa', false],
      ['2023-09-01-xingzhengfuyi-fa', true],
    ]);

    // One diff page per pair of versions, older first (as getStaticPaths of documents/[id]/diff/[other] makes them).
    const changes = await compareVersions(versions[0]!.entry, versions[1]!.entry);
    const kinds = new Set(changes.map((c) => c.kind));
    expect(kinds.has('changed')).toBe(true);
    expect(kinds.has('added')).toBe(true);
    // The 2023 revision grew the law from 43 to 90 articles; every one of them is on the page once.
    expect(changes.filter((c) => 'new' in c).length).toBe(90);
    expect(changes.filter((c) => 'old' in c).length).toBe(43);
  });
});
