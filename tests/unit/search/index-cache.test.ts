/**
 * Publishing one changed document re-indexes only the shard that holds it:
 * the others are copied from the cache without being read for tokens.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, describeIndex, type EarlyShard } from '../../../src/integrations/pagefind.ts';
import { INDEX_CHUNK_SIZE } from '../../../src/integrations/pagefind-shard.ts';
import { shardOf, shardPath } from '../../../src/lib/search/shards.ts';
import { digestOfFiles, filesUnder } from '../../../src/lib/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-index-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function page(id: string, text: string): void {
  const dir = path.join(work, 'site', 'documents', id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1 data-pagefind-meta="title">${id}</h1><p>${text}</p></article></body></html>`,
  );
}

describe('search index cache', () => {
  it('re-indexes only the shard of a changed page', async () => {
    process.env.WENYUAN_PAGES_PER_SHARD = '1';
    // One Pagefind at a time, the next shard read meanwhile: the path a large archive takes.
    process.env.WENYUAN_INDEX_JOBS = '1';
    try {
      for (const [id, text] of [['a', '人大代表联络站'], ['b', '全过程人民民主'], ['c', '重大事项决定权'], ['d', '议事规则']] as const) page(id, text);
      const site = path.join(work, 'site');
      const cache = path.join(work, 'cache');
      const first = await buildSearchIndex(site, cache);
      expect(first).toMatchObject({ pages: 4, shards: 4, reused: 0 });
      const second = await buildSearchIndex(site, cache);
      expect(second).toMatchObject({ pages: 4, shards: 4, reused: 4 });
      // Reused shards are not even tokenised again.
      expect(second.phases.read).toBe(0);
      // Reused shards are linked from the cache into the site; indexing again must not write through them.
      const changed = shardOf('/documents/b/', 4);
      const cachedFiles = () => filesUnder(cache).filter((file) => file.includes(`${path.sep}shard-`) && !file.includes(`${path.sep}shard-${changed}-`));
      const before = digestOfFiles(cache, cachedFiles());
      page('b', '全过程人民民主，修改后的文本');
      const third = await buildSearchIndex(site, cache);
      expect(third).toMatchObject({ pages: 4, shards: 4, reused: 3 });
      expect(readdirSync(cache).filter((name) => name.startsWith('shard-'))).toHaveLength(4);
      expect(digestOfFiles(cache, cachedFiles())).toBe(before);
      // The site's index still has every shard's files.
      for (let shard = 0; shard < 4; shard++) expect(readdirSync(path.join(site, shardPath(shard), 'fragment'))).toHaveLength(1);
      // A folder kept from a build with more shards (src/lib/kept-output.ts) loses the bundles this one has not.
      mkdirSync(path.join(site, shardPath(4)), { recursive: true });
      mkdirSync(path.join(site, shardPath(0, 'other')), { recursive: true });
      await buildSearchIndex(site, cache);
      expect(existsSync(path.join(site, shardPath(4)))).toBe(false);
      expect(existsSync(path.join(site, shardPath(3)))).toBe(true);
      expect(existsSync(path.join(site, shardPath(0, 'other')))).toBe(true);
    } finally {
      delete process.env.WENYUAN_PAGES_PER_SHARD;
      delete process.env.WENYUAN_INDEX_JOBS;
    }
  });

  it('indexes again, after the pages, a shard whose early indexing failed, and says why it failed', async () => {
    const site = path.join(work, 'early-site');
    const dir = path.join(site, 'documents', 'x');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>x</h1><p>议事规则</p></article></body></html>');
    const early = new Map<number, Promise<EarlyShard>>([[0, Promise.resolve({ failed: 'Pagefind stopped' })]]);
    const summary = await buildSearchIndex(site, undefined, { early });
    expect(summary).toMatchObject({ pages: 1, shards: 1, early: 0, discarded: 0, earlyFailures: ['shard 0: Pagefind stopped'] });
    expect(readdirSync(path.join(site, 'pagefind', 'fragment'))).toHaveLength(1);
    expect(describeIndex(summary)).toContain('1 failed then and were indexed again after: shard 0: Pagefind stopped');
    expect(describeIndex(summary)).not.toContain('their pages having changed');

    // Left to after the pages for want of memory: indexed then, and said so.
    const deferred = await buildSearchIndex(site, undefined, { early: new Map([[0, Promise.resolve({ deferred: '1 pages, 900 MiB available' })]]) });
    expect(deferred).toMatchObject({ pages: 1, shards: 1, early: 0, deferred: 1, earlyFailures: [] });
    expect(describeIndex(deferred)).toContain('1 left to after the pages, too little memory then');
  });

  it('makes no shard for a partition without documents', async () => {
    const site = path.join(work, 'empty-partition');
    mkdirSync(path.join(site, 'about'), { recursive: true });
    writeFileSync(path.join(site, 'about', 'index.html'), '<!doctype html><html lang="zh-CN"><body><p>关于</p></body></html>');
    const summary = await buildSearchIndex(site, undefined, { partition: 'empty' });
    expect(summary).toMatchObject({ pages: 0, shards: 0 });
    expect(readdirSync(site)).toEqual(['about']);
  });

  it('cuts the index into chunks of the configured size', async () => {
    // 20 pages of 400 different characters each: about 8,000 bigrams and 8,000 listed characters, each once.
    const chars = Array.from({ length: 8000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    for (let i = 0; i < 20; i++) page(`chunks-${i}`, chars.slice(i * 400, i * 400 + 400).join(''));
    const site = path.join(work, 'site');
    rmSync(path.join(site, 'documents', 'a'), { recursive: true });
    const summary = await buildSearchIndex(site);
    expect(summary.shards).toBe(1);
    const chunks = readdirSync(path.join(site, 'pagefind', 'index')).length;
    // Pagefind's default (20,000 occurrences a chunk) makes 4 chunks of these.
    expect(INDEX_CHUNK_SIZE).toBeLessThan(4000);
    expect(chunks).toBeGreaterThanOrEqual(Math.floor(16000 / INDEX_CHUNK_SIZE));
  });
});
