/**
 * How the archive's search index is split. Pagefind's memory while indexing
 * grows with the number of (token, page) pairs, so a large archive is indexed
 * as several shards, one after another, which the browser merges. A page's
 * shard depends only on its URL, and the shard count only changes when the
 * archive doubles, so one changed document re-indexes one shard.
 */

/** Most pages per shard: Pagefind needs about 3 MB per page of Wenyuan tokens (bench:search), so about 4 GB per shard. */
export const PAGES_PER_SHARD = 1250;

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
