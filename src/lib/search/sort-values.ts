/**
 * What a sorted search needs to order the pages of several Pagefind bundles
 * together. Pagefind ranks a sorted search's results by each page's position
 * in its own bundle's sort order, so the merged results of several bundles
 * (shards, partitions) interleave by position, not by value: a partition of
 * old documents and one of new ones alternate. Each bundle therefore carries
 * its sort values in Pagefind's order (SORT_VALUES_FILE), and each is merged
 * in the browser with a synthetic filter naming it (BUNDLE_FILTER), so the
 * engine can tell a result's bundle and read its value (engine.ts).
 */

/** File in each bundle: sort key → the bundle's values in the order Pagefind ranks its pages. */
export const SORT_VALUES_FILE = 'wenyuan-sort.json';

/** The synthetic filter (Pagefind's mergeFilter) each merged bundle carries: its URL path. */
export const BUNDLE_FILTER = 'wenyuan-bundle';

/** The date sort value of an undated document; it sorts last in either direction. */
export const UNDATED_SORT_VALUE = '0000';

/** Whether a sort value reads as a number, as Pagefind parses one (an integer or a decimal). */
const numeric = (value: string) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value);

/** Compares two sort values as Pagefind does: as numbers when both are, otherwise as strings (UTF-16 units here, UTF-8 bytes in Pagefind: the same order for the ASCII dates the archive sorts by). */
export function compareSortValues(a: string, b: string): number {
  if (numeric(a) && numeric(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A bundle's sort values from its pages' `data-pagefind-sort` entries
 * (`key:value`), each key's values ordered as Pagefind orders its pages: as
 * numbers when every value of the key is one, otherwise as strings.
 */
export function bundleSortValues(pages: Iterable<readonly string[]>): Record<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const entries of pages) {
    // As Pagefind reads a page's sort keys: one value per key (the last), its white space collapsed.
    const own = new Map<string, string>();
    for (const entry of entries) {
      const colon = entry.indexOf(':');
      if (colon >= 0) own.set(entry.slice(0, colon), entry.slice(colon + 1).trim().replace(/\s+/g, ' '));
    }
    for (const [key, value] of own) {
      const list = byKey.get(key) ?? [];
      list.push(value);
      byKey.set(key, list);
    }
  }
  const out: Record<string, string[]> = {};
  for (const key of [...byKey.keys()].sort()) {
    const values = byKey.get(key)!;
    out[key] = values.every(numeric) ? values.sort((a, b) => Number(a) - Number(b)) : values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return out;
}
