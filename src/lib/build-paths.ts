/**
 * Where a build reads and keeps things, from the environment (README,
 * "Environment variables"), so astro.config.mjs, the content loader, pages
 * and scripts agree.
 */

/** The folder of documents to build (WENYUAN_CONTENT_DIR). */
export function contentDir(): string {
  return process.env.WENYUAN_CONTENT_DIR ?? './content';
}

/** The build cache (WENYUAN_CACHE_DIR): Astro's store, rendered documents, the graph, search shards. */
export function buildCacheDir(): string {
  return process.env.WENYUAN_CACHE_DIR ?? './node_modules/.astro';
}
