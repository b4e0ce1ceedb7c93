/**
 * A rebuild after a change, reusing the previous build's cache, re-renders
 * only the documents whose text or links changed, renders anew only the
 * pages that show what changed (the others restored by Astro's incremental
 * build), and its output is byte-identical to a cold build of the changed
 * content — including a page whose own file did not change but whose link
 * target did. A rebuild of unchanged content renders no keyed page at all.
 * The rebuild after the change goes into the same output folder, which is
 * kept (src/lib/kept-output.ts): unchanged pages stay in place, and a
 * deleted document's page and files go; the rebuild of unchanged content
 * goes into a new folder, every page restored from the cache.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, fileHashes } from '../../src/lib/files.ts';
import { astroBuild } from './astro-build.ts';
import { incrementalCopies, keyedPages } from '../../src/lib/incremental-pages.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contentDir = path.join(work, 'content');
cpSync('content', contentDir, { recursive: true });
cpSync('tests/fixtures/site/content', path.join(contentDir, 'fixtures'), { recursive: true });

const outDirOf = (name: string) => path.join(work, name, 'dist');

/** Builds `contentDir` into `into/dist` with the cache `cache`; returns file hashes, the ids rendered, and the keyed pages rendered (not restored). */
function build(name: string, cache: string, into = name): { files: Map<string, string>; rendered: string[]; pages: { rendered: string[]; all: number } } {
  const started = Date.now();
  const outDir = outDirOf(into);
  const renderLog = path.join(work, name, 'rendered.txt');
  mkdirSync(path.join(work, name), { recursive: true });
  astroBuild({ contentDir, outDir, cacheDir: path.join(work, cache), env: { WENYUAN_RENDER_LOG: renderLog } });
  const files = fileHashes(outDir);
  const rendered = existsSync(renderLog) ? readFileSync(renderLog, 'utf8').split('\n').filter(Boolean).sort() : [];
  return { files, rendered, pages: keyedPages(path.join(work, cache), started) };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('incremental rebuild', () => {
  // Four builds, each also bundling the staff editor (/admin/, about 7 s): more than the default 120 s when the whole suite shares two cores.
  it('re-renders what changed, and only that, and matches a cold build', () => {
    const before = build('before', 'cache');
    expect(before.rendered.length).toBeGreaterThan(8);
    // Every document page, article history, version comparison, browse page and missing text's page has a key.
    expect(before.pages.rendered.length).toBe(before.pages.all);
    expect(before.pages.all).toBeGreaterThan(before.rendered.length + 20);

    // One body edited; one title changed, so the document citing it by that title must change too.
    edit(
      path.join(contentDir, '2022/2022-06-23-shenru-xuexi-guanche.md'),
      '\n\n',
      '\n\n本段为增量构建测试新增的内容。\n\n',
    );
    edit(path.join(contentDir, 'fixtures/rules/sample-rule.md'), 'title: 测试区人民代表大会常务委员会议事规则', 'title: 测试区人民代表大会常务委员会工作规则');
    // One document deleted (nothing cites it): its page and files must go from the kept output folder.
    const deleted = '2024-05-10-test-uncertain-notice';
    expect(before.files.has(`documents/${deleted}/index.html`)).toBe(true);
    expect(before.files.has(`documents/${deleted}.md`)).toBe(true);
    rmSync(path.join(contentDir, 'fixtures/uncertain-notice.md'));
    const pagesBefore = new Map([...before.files.keys()].filter((file) => file.endsWith('.html')).map((file) => [file, readFileSync(path.join(outDirOf('before'), file), 'utf8')] as const));
    const pageStats = new Map([...before.files.keys()].filter((file) => file.endsWith('/index.html')).map((file) => [file, statSync(path.join(outDirOf('before'), file))] as const));

    const after = build('after', 'cache', 'before');
    const cold = build('cold', 'cold-cache');
    // The keyed pages not rendered again were left in place, not copied back from the cache.
    const keyed = (file: string) => existsSync(path.join(incrementalCopies(path.join(work, 'cache')), file));
    const leftInPlace = [...pageStats].filter(([file]) => keyed(file) && after.files.has(file) && !after.pages.rendered.includes(file));
    expect(leftInPlace.length).toBeGreaterThan(after.pages.all / 2);
    for (const [file, { ino, mtimeMs }] of leftInPlace) expect(statSync(path.join(outDirOf('before'), file)), file).toMatchObject({ ino, mtimeMs });
    expect([...after.files.keys()].filter((file) => file.includes(deleted))).toEqual([]);

    expect(after.rendered).toEqual(['2022-06-23-shenru-xuexi-guanche', '2023-03-01-test-yishi-guize', '2023-06-01-test-cites-rule']);
    expect(after.files.size).toBeGreaterThan(20);
    expect(differingFiles(after.files, cold.files)).toEqual([]);
    // The citing page's own file did not change, but its page did.
    const citing = 'documents/2023-06-01-test-cites-rule/index.html';
    expect(after.files.get(citing)).not.toBe(before.files.get(citing));
    // The edited documents' pages and the pages that show them are rendered anew; the rest are restored.
    expect(after.pages.rendered).toEqual(
      expect.arrayContaining(['documents/2022-06-23-shenru-xuexi-guanche/index.html', 'documents/2023-03-01-test-yishi-guize/index.html', citing]),
    );
    expect(after.pages.rendered.length).toBeLessThan(after.pages.all / 2);
    // And each of them is new (the missing text's page the changed title leaves) or shows a changed document:
    // it is one's page (or under it), or links to one, before the change or after it.
    const changed = ['2022-06-23-shenru-xuexi-guanche', '2023-03-01-test-yishi-guize', deleted].map((id) => `/documents/${id}/`);
    const linksToChanged = (html: string) => changed.some((url) => html.includes(`href="${url}`));
    const showsChanged = (page: string) =>
      !before.files.has(page) ||
      changed.some((url) => `/${page}`.startsWith(url)) ||
      linksToChanged(pagesBefore.get(page) ?? '') ||
      (after.files.has(page) && linksToChanged(readFileSync(path.join(outDirOf('before'), page), 'utf8')));
    expect(after.pages.rendered.filter((page) => !showsChanged(page))).toEqual([]);

    // Nothing changed: every keyed page restored, the output the same.
    const again = build('cold-again', 'cold-cache');
    expect(again.pages.rendered).toEqual([]);
    expect(again.rendered).toEqual([]);
    expect(differingFiles(again.files, cold.files)).toEqual([]);
  }, 420_000);
});
