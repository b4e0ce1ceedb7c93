/**
 * Where a build reads and keeps things, from the environment (README,
 * "Environment variables"), so astro.config.mjs, the content loader, pages
 * and scripts agree.
 */

/** The folder of documents to build (WENYUAN_CONTENT_DIR). */
export function contentDir(): string {
  return process.env.WENYUAN_CONTENT_DIR ?? './content';
}

/** Where the build cache is kept when WENYUAN_CACHE_DIR does not say. */
export const DEFAULT_CACHE_DIR = './node_modules/.astro';

/** The build cache (WENYUAN_CACHE_DIR): Astro's store, rendered documents, the graph, search shards. */
export function buildCacheDir(): string {
  return process.env.WENYUAN_CACHE_DIR ?? DEFAULT_CACHE_DIR;
}

/** What one build makes (README, "Beyond one machine"). */
export type BuildScope =
  /** Everything: the single build. */
  | { kind: 'all' }
  /** One partition's document pages, their files and search shards (WENYUAN_PARTITION=<name>). */
  | { kind: 'partition'; name: string }
  /** What spans partitions: home, browse, entity pages, feeds, data files (WENYUAN_HUB=1). */
  | { kind: 'hub' };

/** The scope of this build, from WENYUAN_PARTITION and WENYUAN_HUB. */
export function buildScope(): BuildScope {
  const name = process.env.WENYUAN_PARTITION;
  const hub = process.env.WENYUAN_HUB === '1';
  if (name && hub) throw new Error('WENYUAN_PARTITION and WENYUAN_HUB=1 are set together: a build is one partition or the hub, not both');
  if (name) return { kind: 'partition', name };
  return hub ? { kind: 'hub' } : { kind: 'all' };
}

/** The partitions file (WENYUAN_PARTITIONS_FILE, default wenyuan.partitions.json). */
export function partitionsFile(): string {
  return process.env.WENYUAN_PARTITIONS_FILE ?? './wenyuan.partitions.json';
}

/** A graph file computed beforehand (WENYUAN_GRAPH_FILE, `node scripts/build-graph.ts --out`): used as it is instead of computing the graph. */
export function givenGraphFile(): string | undefined {
  return process.env.WENYUAN_GRAPH_FILE || undefined;
}

/** The hub's input (WENYUAN_HUB_INPUT): what the partitions built, written by scripts/build-hub.ts. */
export function hubInputFile(): string | undefined {
  return process.env.WENYUAN_HUB_INPUT || undefined;
}
