/**
 * The search index built while Astro renders the pages (issue 18: each
 * shard as soon as its document pages are written) is byte-identical to the
 * index built after the pages, and a rebuild after one edit re-indexes only
 * the shards whose pages changed, also while the pages render.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, fileHashes } from '../../src/lib/files.ts';
import { astroBuild } from './astro-build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-index-while-rendering-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contentDir = path.join(work, 'content');
cpSync('content', contentDir, { recursive: true });
cpSync('tests/fixtures/site/content', path.join(contentDir, 'fixtures'), { recursive: true });

let runs = 0;

/** Builds into `name/dist` with the cache `cache`; returns file hashes and the index's log line. */
function build(name: string, cache: string, env: Record<string, string> = {}): { files: Map<string, string>; log: string } {
  const outDir = path.join(work, name, 'dist');
  // The index's summary line, written by the build itself (the console's format is Astro's).
  const indexLog = path.join(work, `${name}-${runs++}-index.txt`);
  astroBuild({
    contentDir,
    outDir,
    cacheDir: path.join(work, cache),
    // In shards of two pages, so the small archive has several; overlapped whatever this machine's memory.
    env: { WENYUAN_PAGES_PER_SHARD: '2', WENYUAN_INDEX_LOG: indexLog, WENYUAN_INDEX_WHILE_PAGES: '1', ...env },
  });
  const log = existsSync(indexLog) ? readFileSync(indexLog, 'utf8') : '';
  return { files: fileHashes(outDir), log };
}

/** The figures of the index's log line. */
function figures(log: string): { shards: number; unchanged: number; early: number } {
  const match = /in (\d+) shard\(s\), (\d+) unchanged(?:, (\d+) indexed while pages rendered)?/.exec(log);
  expect(match, log).not.toBeNull();
  return { shards: Number(match![1]), unchanged: Number(match![2]), early: Number(match![3] ?? 0) };
}

describe('search index while the pages render', () => {
  it('is the index built after the pages, byte for byte, and a rebuild re-indexes only changed shards, also while pages render', { timeout: 300_000 }, () => {
    const early = build('early', 'early-cache');
    const after = build('after', 'after-cache', { WENYUAN_INDEX_AFTER_PAGES: '1' });
    const cold = figures(early.log);
    expect(cold.shards).toBeGreaterThan(4);
    // Every shard with documents is made while pages render; none is made again after.
    expect(cold.early).toBeGreaterThanOrEqual(cold.shards - 1);
    expect(early.log).not.toContain('again after');
    expect(figures(after.log).early).toBe(0);
    const bundles = [...early.files.keys()].filter((file) => /^pagefind[^/]*\//.test(file));
    expect(bundles.length).toBeGreaterThan(10);
    expect([...after.files.keys()].sort()).toEqual([...early.files.keys()].sort());
    expect(differingFiles(early.files, after.files)).toEqual([]);

    // One paragraph more in one document: the shards whose pages changed (its own, and those of
    // pages that show it, e.g. as related) are indexed again, all while the pages render; the others are reused.
    const file = path.join(contentDir, 'fixtures', 'undated-speech.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n本段为测试所加，检验只重建一个分片。\n`);
    const rebuild = build('early', 'early-cache');
    const again = figures(rebuild.log);
    expect(again.shards).toBe(cold.shards);
    expect(again.unchanged).toBeGreaterThan(0);
    expect(again.early).toBeGreaterThan(0);
    expect(again.early + again.unchanged).toBe(cold.shards);
    const reference = build('reference', 'reference-cache', { WENYUAN_INDEX_AFTER_PAGES: '1' });
    expect(differingFiles(rebuild.files, reference.files)).toEqual([]);
  });
});
