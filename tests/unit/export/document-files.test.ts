/** The build step that writes each document's files beside its page (src/integrations/document-files.ts). */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDocumentFileOf, writeDocumentFiles } from '../../../src/integrations/document-files.ts';
import { CITATION_FILES, TEXT_FILES } from '../../../src/lib/export/files.ts';
import { documentBodyHtml } from '../../../src/lib/export/text.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-document-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SOURCE = `---
id: 2020-06-test-notice
type: notice
title: 关于测试的通知
date: 2020-06
issuer: 测试机关
---

## 一、总体要求

正文。
`;

const PAGE = `<!doctype html><html lang="zh-CN"><head><title>关于测试的通知 · 文渊</title></head><body><main><article>
<h1>关于测试的通知</h1><div class="metadata"><div>类型</div></div>
<div class="document-body" data-testid="document-body"><h2 id="一">一、总体要求</h2>
<div class="note"><p>正文。</p></div></div>
<section class="cross-references"><p>本文未引用其他文件。</p></section></article></main></body></html>`;

describe('document files', () => {
  it('takes the text of a built page from its document-body element only', () => {
    expect(documentBodyHtml(PAGE)).toBe('<h2 id="一">一、总体要求</h2>\n<div class="note"><p>正文。</p></div>');
    expect(documentBodyHtml('<html><body><p>no document</p></body></html>')).toBe('');
  });

  it('writes the five files and the preview of every document that has a page', async () => {
    const content = path.join(work, 'content');
    const out = path.join(work, 'dist');
    mkdirSync(path.join(content, '2020'), { recursive: true });
    writeFileSync(path.join(content, '2020', 'notice.md'), SOURCE);
    writeFileSync(path.join(content, 'no-page.md'), SOURCE.replace('2020-06-test-notice', 'no-page'));
    mkdirSync(path.join(out, 'documents', '2020-06-test-notice'), { recursive: true });
    writeFileSync(path.join(out, 'documents', '2020-06-test-notice', 'index.html'), PAGE);

    expect(await writeDocumentFiles(out, content, 'https://wenyuan.example/')).toEqual({ written: 1, unchanged: 0 });
    const written = readdirSync(path.join(out, 'documents')).filter((name) => name.includes('.')).sort();
    expect(written).toEqual([...[...TEXT_FILES, ...CITATION_FILES].map(({ ext }) => ext), 'preview.json'].map((ext) => `2020-06-test-notice.${ext}`).sort());
    const file = (ext: string) => readFileSync(path.join(out, 'documents', `2020-06-test-notice.${ext}`), 'utf8');
    expect(file('md')).toBe(SOURCE);
    expect(file('txt')).toContain('日期：2020年6月\n');
    expect(file('txt').endsWith('————————\n\n一、总体要求\n\n正文。\n')).toBe(true);
    expect(JSON.parse(file('csl.json'))[0]).toMatchObject({ type: 'document', issued: { 'date-parts': [[2020, 6]] }, URL: 'https://wenyuan.example/documents/2020-06-test-notice/' });
    expect(file('ris')).toContain('TY  - GOVDOC\r\n');
    expect(file('bib')).toMatch(/^@misc\{2020-06-test-notice,/);
    expect(JSON.parse(file('preview.json'))).toMatchObject({ type: 'notice', date: '2020-06' });
  });

  it('writes the same files from worker threads as from one thread, every document once', async () => {
    // 450 documents: enough for two workers (200 each at least), one without a page.
    const content = path.join(work, 'many');
    mkdirSync(content, { recursive: true });
    const ids = Array.from({ length: 450 }, (_, i) => `2020-06-test-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      writeFileSync(path.join(content, `${id}.md`), SOURCE.replace('2020-06-test-notice', id).replace('正文。', `正文${id}。`));
    }
    const outs = ['one', 'workers'].map((name) => path.join(work, `out-${name}`));
    for (const out of outs) {
      for (const id of ids.slice(1)) {
        mkdirSync(path.join(out, 'documents', id), { recursive: true });
        writeFileSync(path.join(out, 'documents', id, 'index.html'), PAGE.replace('正文。', `正文${id}。`));
      }
    }
    expect(await writeDocumentFiles(outs[0]!, content, 'https://wenyuan.example/', 1)).toEqual({ written: 449, unchanged: 0 });
    expect(await writeDocumentFiles(outs[1]!, content, 'https://wenyuan.example/', 2)).toEqual({ written: 449, unchanged: 0 });
    const filesOf = (out: string) =>
      readdirSync(path.join(out, 'documents'))
        .filter((name) => name.includes('.'))
        .sort()
        .map((name) => [name, readFileSync(path.join(out, 'documents', name), 'utf8')]);
    const single = filesOf(outs[0]!);
    // The five files and the preview card of each.
    expect(single).toHaveLength(449 * 6);
    expect(single.find(([name]) => name === `${ids[7]}.txt`)?.[1]).toContain(`正文${ids[7]}。`);
    expect(filesOf(outs[1]!)).toEqual(single);
  });

  it('in a folder kept from the last build, writes again only the files of documents whose page is newer than they are', async () => {
    const content = path.join(work, 'kept-content');
    const out = path.join(work, 'kept-dist');
    mkdirSync(content, { recursive: true });
    const ids = ['2020-06-kept-a', '2020-06-kept-b'];
    for (const id of ids) {
      writeFileSync(path.join(content, `${id}.md`), SOURCE.replace('2020-06-test-notice', id));
      mkdirSync(path.join(out, 'documents', id), { recursive: true });
      writeFileSync(path.join(out, 'documents', id, 'index.html'), PAGE);
      // The last build: the page, then its files.
      const earlier = new Date(Date.now() - 60_000);
      utimesSync(path.join(out, 'documents', id, 'index.html'), earlier, earlier);
    }
    expect(await writeDocumentFiles(out, content, 'https://wenyuan.example/')).toEqual({ written: 2, unchanged: 0 });
    const txt = (id: string) => path.join(out, 'documents', `${id}.txt`);
    const before = statSync(txt(ids[0]!)).mtimeMs;
    // This build: page b rendered again (newer than its files), page a left in place.
    writeFileSync(path.join(out, 'documents', ids[1]!, 'index.html'), PAGE.replace('正文。', '修改后的正文。'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(out, 'documents', ids[1]!, 'index.html'), later, later);
    expect(await writeDocumentFiles(out, content, 'https://wenyuan.example/')).toEqual({ written: 1, unchanged: 1 });
    expect(statSync(txt(ids[0]!)).mtimeMs).toBe(before);
    expect(readFileSync(txt(ids[1]!), 'utf8')).toContain('修改后的正文。');
    // A file missing is written again (page b now older than its files, as after a finished build).
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(path.join(out, 'documents', ids[1]!, 'index.html'), earlier, earlier);
    rmSync(path.join(out, 'documents', `${ids[0]}.bib`));
    expect(await writeDocumentFiles(out, content, 'https://wenyuan.example/')).toEqual({ written: 1, unchanged: 1 });
    expect(readFileSync(path.join(out, 'documents', `${ids[0]}.bib`), 'utf8')).toMatch(/^@misc\{2020-06-kept-a,/);
  });

  it('names the files of a document whose page the build made, for the kept output folder to keep', () => {
    const pages = new Set(['documents/a-1/index.html']);
    expect(['documents/a-1.md', 'documents/a-1.csl.json', 'documents/a-1.preview-2.json', 'documents/a-2.md', 'documents/a-1/index.html', 'other/a-1.md'].map((f) => isDocumentFileOf(f, pages))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    // Kinds of file this step does not write (an older site's, or anything else) are not the document's, so a kept folder drops them.
    expect(['documents/a-1.docx', 'documents/a-1.preview-x.json', 'documents/a-1.preview-0.json', 'documents/a-1.md.bak'].map((f) => isDocumentFileOf(f, pages))).toEqual([false, false, false, false]);
  });
});
