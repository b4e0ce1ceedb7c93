/**
 * The graph step keeps its per-document memos (entity scans, word counts) in
 * the build cache: a rebuild after an edit reads them back, keeps only what
 * the current content uses, and gives the graph a fresh computation gives.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentGraph, readSourceDocuments } from '../../../src/data/content-graph.ts';
import { buildGraph } from '../../../src/lib/graph/build.ts';
import { filesUnder } from '../../../src/lib/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-graph-memo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contentDir = path.join(work, 'content');
cpSync('content', contentDir, { recursive: true });
cpSync('tests/fixtures/site/content', path.join(contentDir, 'fixtures'), { recursive: true });
const cacheDir = path.join(work, 'cache');
const graphFolder = path.join(cacheDir, 'wenyuan-graph');

function memoEntries(prefix: string): Array<[string, unknown]> {
  const file = readdirSync(graphFolder).find((name) => name.startsWith(prefix));
  expect(file, `${prefix}… in ${graphFolder}`).toBeDefined();
  return JSON.parse(readFileSync(path.join(graphFolder, file!), 'utf8')) as Array<[string, unknown]>;
}

describe('graph memo files', () => {
  it('are read back on a rebuild and hold one entry per document of the current content', () => {
    const documents = readSourceDocuments(contentDir);
    const first = loadContentGraph(contentDir, { cacheDir });
    expect(first.cached).toBe(false);
    expect(first.graph).toEqual(buildGraph(documents));
    const terms = memoEntries('terms-');
    expect(terms).toHaveLength(documents.length);
    expect(memoEntries('mentions-')).toHaveLength(documents.length);

    // Edit one Markdown file: the graph is recomputed, equal to a fresh graph of the edited content.
    const edited = filesUnder(contentDir, ['.md'])[0]!;
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n本段为测试新增的内容，关于行政处罚的规定。\n`);
    const second = loadContentGraph(contentDir, { cacheDir });
    expect(second.cached).toBe(false);
    expect(second.graph).toEqual(buildGraph(readSourceDocuments(contentDir)));
    // The edited document's old counts are gone, its new ones kept; the others are the same entries.
    const after = memoEntries('terms-');
    expect(after).toHaveLength(documents.length);
    const before = new Map(terms);
    expect(after.filter(([key]) => !before.has(key))).toHaveLength(1);

    // The counts really are read from the file: emptied there, the next recomputation relates nothing by words.
    const termsFile = readdirSync(graphFolder).find((name) => name.startsWith('terms-'))!;
    writeFileSync(path.join(graphFolder, termsFile), JSON.stringify(after.map(([key]) => [key, ''])));
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n再加一段。\n`);
    const third = loadContentGraph(contentDir, { cacheDir });
    const byWords = (graph: typeof third.graph) => Object.values(graph.related).flat().filter((r) => r.reasons.includes('内容相近')).length;
    expect(byWords(second.graph)).toBeGreaterThan(0);
    expect(byWords(third.graph)).toBeLessThan(byWords(second.graph));
  });
});
