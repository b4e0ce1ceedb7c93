/** Shared names between the index build and the search code in the browser. */
import type { Partition } from '../partitions.ts';

/** File beside Pagefind's bundle holding the normalisation table. */
export const SEARCH_SETTINGS_FILE = 'wenyuan-search.json';

/** Contents of {@link SEARCH_SETTINGS_FILE}. */
export interface SearchSettings {
  version: 1;
  /** Traditional → Simplified pairs (see normalize.ts). */
  t2s: string;
  /** URL paths of the other shards' Pagefind bundles, merged into the primary one in the browser. */
  shards: string[];
  /**
   * A partitioned build's partitions (scripts/build-hub.ts), each with its key
   * and the URL paths of its shards; the primary bundle then holds no index
   * of its own (`shards` is empty), and the browser loads the shards of the
   * partitions a search's filters can match.
   */
  partitions?: Array<Partition & { shards: string[] }>;
  /**
   * Pagefind page ids that more than one bundle holds (shared-ids.ts); the
   * search engine tells their pages apart by URL. Absent when there are none.
   */
  sharedIds?: string[];
}

/** URL paths of every Pagefind bundle a site's settings name: the primary and its shards, or every partition's shards. */
export function settingsBundles(settings: SearchSettings): string[] {
  return settings.partitions ? settings.partitions.flatMap((partition) => partition.shards) : ['/pagefind/', ...settings.shards];
}
