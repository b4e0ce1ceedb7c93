/**
 * How the archive's search index is split. Pagefind's memory while indexing
 * grows with the number of (token, page) pairs, so a large archive is indexed
 * as several shards, one after another, which the browser merges. A page's
 * shard depends only on its URL, and the shard count only changes when the
 * archive doubles, so one changed document re-indexes one shard.
 */

/**
 * Most pages per shard. Pagefind needs about 2.25 MB per page of Wenyuan
 * tokens (index-jobs.ts), about 1.4 GB per shard of 625. Smaller shards cost a
 * reader bytes (each shard's metadata and chunks are fetched), larger ones the
 * builder time and memory: at 10,000 documents (bench:search, bench:scale,
 * 2026-12-04) 625 pages per shard against 1,250 took a first query from 1,518
 * to 1,686 KB and a second from 439 to 600 KB, and the index from 165 to
 * 121 s, the one-edit rebuild from 66 to 54 s, the build's peak from 5.4 to
 * 4.7 GB (a changed shard is re-indexed whole, and Pagefind runs beside Astro).
 */
export const PAGES_PER_SHARD = 625;

/** Number of shards for `pages` document pages: a power of two, so shards split cleanly as the archive grows. */
export function shardCount(pages: number, perShard = PAGES_PER_SHARD): number {
  let count = 1;
  while (pages / count > perShard) count *= 2;
  return count;
}

/** FNV-1a hash of a string, 32 bits: stable across runs and machines. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** The shard a page belongs to. */
export function shardOf(url: string, count: number): number {
  return hash(url) % count;
}

/**
 * URL path of a shard's Pagefind bundle: shard 0 is the primary `/pagefind/`,
 * then `/pagefind-1/` …; a partition's are named by it, `/pagefind-<name>/`,
 * `/pagefind-<name>-1/` …, so partitions merge side by side into one site.
 */
export function shardPath(shard: number, partition?: string): string {
  const base = partition ? `/pagefind-${partition}` : '/pagefind';
  return shard === 0 ? `${base}/` : `${base}-${shard}/`;
}

/**
 * The shard whose bundle holds `relative`, a file's path in the output
 * folder (`/` between folders), under this build's bundle names
 * ({@link shardPath}: the partition's, or the single build's); undefined for
 * any other file.
 */
export function shardOfBundleFile(relative: string, partition?: string): number | undefined {
  const folder = relative.split('/')[0]!;
  const base = partition ? `pagefind-${partition}` : 'pagefind';
  if (folder === base) return 0;
  const rest = folder.startsWith(`${base}-`) ? folder.slice(base.length + 1) : '';
  return /^[1-9][0-9]*$/.test(rest) ? Number(rest) : undefined;
}
