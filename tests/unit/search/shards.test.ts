import { describe, expect, it } from 'vitest';
import { shardCount, shardOf, shardOfBundleFile, shardPath } from '../../../src/lib/search/shards.ts';

describe('index shards', () => {
  it('grows in powers of two as the archive grows', () => {
    expect([1, 625, 626, 3504, 10_000, 30_000].map((n) => shardCount(n))).toEqual([1, 1, 2, 8, 16, 64]);
  });

  it('a page stays in its shard or moves to its split twin when the count doubles', () => {
    for (const url of ['/documents/a/', '/documents/2019-10-29-haidian/', '/documents/x-copy-3/']) {
      const four = shardOf(url, 4);
      expect([four, four + 4]).toContain(shardOf(url, 8));
      expect(shardOf(url, 4)).toBe(shardOf(url, 4));
    }
  });

  it('names bundles: shard 0 is the primary', () => {
    expect([shardPath(0), shardPath(3)]).toEqual(['/pagefind/', '/pagefind-3/']);
    // A partition's shards are named by it.
    expect([0, 1, 2].map((n) => shardPath(n, 'beijing'))).toEqual(['/pagefind-beijing/', '/pagefind-beijing-1/', '/pagefind-beijing-2/']);
  });

  it('tells which shard\'s bundle a file of the output folder is in, under this build\'s names only', () => {
    expect(['pagefind/pagefind.js', 'pagefind-3/fragment/x.pf_fragment', 'pagefind-10', 'pagefind-03/x', 'pagefind-0/x', 'pagefinder/x', 'documents/pagefind/x'].map((f) => shardOfBundleFile(f))).toEqual([
      0,
      3,
      10,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // A partition's bundles are its own; the single build's and another partition's are not.
    expect(['pagefind-beijing/x', 'pagefind-beijing-2/x', 'pagefind/x', 'pagefind-1/x', 'pagefind-shanghai/x'].map((f) => shardOfBundleFile(f, 'beijing'))).toEqual([0, 2, undefined, undefined, undefined]);
    expect(shardOfBundleFile('pagefind-beijing/x')).toBeUndefined();
  });
});
