/**
 * How many search shards are indexed at once (each by its own Pagefind
 * process): as many as there are cores, as long as the largest shards'
 * estimated memory, added to what the building process already holds, fits
 * in the index build's budget.
 *
 * The estimate: bench:search on 10,000 documents in shards of 1,250 pages
 * peaked at 2,726 MiB indexing one shard at a time and 5,581 MiB two at once
 * (a process of its own, scripts/index-site.ts), about 2.25 MiB per page of
 * the shards being indexed. Inside `astro build` the Astro process still
 * holds the rendered site when the index starts: bench:partition at 10,000
 * documents peaked at 6,120 MiB when a partition of 3,241 documents in four
 * shards indexed two at once without counting it (the single build, one at a
 * time, at 5,302 MiB), so what the process holds is taken off the budget.
 */

/** Estimated peak memory of indexing one shard, per page, in MiB. */
export const MIB_PER_SHARD_PAGE = 2.25;

/** Memory the index build aims to stay within, the building process included, in MiB. */
export const INDEX_MEMORY_MIB = 4500;

export interface IndexJobsInput {
  /** Pages of the largest shard still to index. */
  largestShard: number;
  /** Memory the building process holds now (resident set), in MiB. */
  residentMiB: number;
  cores: number;
  /** WENYUAN_INDEX_JOBS as given, which overrides the estimate when it is a positive whole number. */
  override?: string;
}

/** Shards indexed at once: at least one, at most one per core. */
export function indexJobs({ largestShard, residentMiB, cores, override }: IndexJobsInput): number {
  const jobs = Number(override);
  if (override !== undefined && Number.isInteger(jobs) && jobs > 0) return jobs;
  const free = INDEX_MEMORY_MIB - Math.max(0, residentMiB);
  const fit = Math.floor(free / (Math.max(1, largestShard) * MIB_PER_SHARD_PAGE));
  return Math.max(1, Math.min(cores, fit));
}

/** Memory left over, in MiB, when a shard is indexed while the pages render: for Astro's process to grow meanwhile. */
export const EARLY_RESERVE_MIB = 1024;

/**
 * Whether a shard of `pages` pages may be indexed now, while the pages
 * render, with `availableMiB` of memory available to the build (Node's
 * `process.availableMemory()`, which heeds a container's limit): its
 * estimated Pagefind ({@link MIB_PER_SHARD_PAGE}) and a reserve for Astro
 * must fit. A shard that does not is indexed after the pages, when Astro's
 * memory is free again. bench:scale peaked at 5,308 MiB at 10,000 documents
 * and 6,776 MiB at 30,000 (Astro's process growing with the archive) with
 * one Pagefind beside Astro.
 */
export function earlyShardFits(availableMiB: number, pages: number): boolean {
  return pages * MIB_PER_SHARD_PAGE + EARLY_RESERVE_MIB <= availableMiB;
}

/**
 * Least memory, in MiB, a machine must have for the search index to be built
 * while Astro renders the pages (src/integrations/pages-by-shard.ts): the
 * Astro process and one Pagefind then run side by side. bench:scale at
 * 10,000 documents (shards of 1,250 pages) peaked at 5,287 MiB overlapped
 * against 3,367 MiB with the index after the pages; with less memory than
 * this the index waits for the pages.
 */
export const OVERLAP_MIN_MEMORY_MIB = 8192;

/**
 * Whether the index is built while the pages render, on a machine with
 * `totalMiB` of memory; `override` is WENYUAN_INDEX_WHILE_PAGES as given,
 * `1` overlapping them whatever the memory (tests; machines known to have
 * room). WENYUAN_INDEX_AFTER_PAGES=1, checked by the caller, wins over both.
 */
export function indexWhilePagesRender(totalMiB: number, override?: string): boolean {
  if (override === '1') return true;
  return totalMiB >= OVERLAP_MIN_MEMORY_MIB;
}
