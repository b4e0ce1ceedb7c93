/**
 * The search evaluation at a small size: a handful of corpus documents plus
 * the seeds, split into four index shards, queries drawn with a fixed seed;
 * every group must be exact.
 * `npm run eval:search` runs the same code on the 442-document subset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyDocuments, importedCorpus, writeArchive } from '../../scripts/bench/archive.ts';
import { drawQueries, runQueries, scoreTable, truthPages } from '../../scripts/eval/search-eval.ts';
import { enabled } from './helpers.ts';

describe.runIf(enabled)('search evaluation (small)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-eval-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds exactly the documents containing each query, Simplified and Traditional, and nothing for absent strings', async () => {
    const contentDir = path.join(work, 'content');
    const distDir = path.join(work, 'dist');
    writeArchive(contentDir, importedCorpus('subset').slice(0, 6), 6);
    copyDocuments('content', contentDir);
    const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      // Four pages per shard: the small archive is searched as merged shards, as a large one is.
      env: { ...process.env, WENYUAN_CONTENT_DIR: contentDir, WENYUAN_OUT_DIR: distDir, WENYUAN_CACHE_DIR: path.join(work, 'cache'), WENYUAN_PAGES_PER_SHARD: '4' },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);

    expect(existsSync(path.join(distDir, 'pagefind-3'))).toBe(true);
    const pages = truthPages(distDir);
    expect(pages).toHaveLength(11);
    const queries = drawQueries(pages, { seed: 7, perKind: 6, lengths: [1, 2, 3, 4, 6, 8] });
    const outcomes = await runQueries(distDir, queries, pages);
    const table = scoreTable(outcomes);
    expect(table.map((row) => row.group)).toEqual(expect.arrayContaining(['length 1', 'length 8', 'multi', 'nowhere', 'length 4 (繁)']));
    for (const { group, scores } of table) {
      expect({ group, recall: scores.recall, precision: scores.precision }).toEqual({ group, recall: 1, precision: 1 });
    }
    const nowhere = outcomes.filter((o) => o.query.kind === 'nowhere');
    expect(nowhere.length).toBeGreaterThan(0);
    expect(nowhere.every((o) => o.hits.length === 0 && o.missingReported)).toBe(true);
  });
});
