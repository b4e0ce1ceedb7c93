/** Shared names between the index build and the search code in the browser. */

/** File beside Pagefind's bundle holding the normalisation table. */
export const SEARCH_SETTINGS_FILE = 'wenyuan-search.json';

/** Contents of {@link SEARCH_SETTINGS_FILE}. */
export interface SearchSettings {
  version: 1;
  /** Traditional → Simplified pairs (see normalize.ts). */
  t2s: string;
  /** URL paths of the other shards' Pagefind bundles, merged into the primary one in the browser. */
  shards: string[];
}
