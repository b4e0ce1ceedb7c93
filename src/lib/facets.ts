/**
 * Grouping and paging of document lists for the browse pages. Framework-free
 * so the same logic serves pages, tests and benchmarks.
 */

/** How many documents a browse page lists. */
export const PAGE_SIZE = 50;

/** The facets a reader can browse and filter by, with their Chinese labels. */
export const FACETS = {
  type: '类型',
  region: '地区',
  issuer: '发文机关',
  year: '年份',
  status: '时效性',
} as const;

/** A facet name, e.g. `region`. */
export type Facet = keyof typeof FACETS;

/** Label used for documents that have no value for a facet (e.g. no year). */
export const UNKNOWN_VALUE: Record<Facet, string> = {
  type: '未分类',
  region: '地区不详',
  issuer: '机关不详',
  year: '年份不详',
  status: '未标注',
};

/** Counts items per key, most frequent first, ties in the given order of first appearance. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

/**
 * The path segment of a facet value: the value itself, except that a slash
 * (中共海淀区委/海淀区政府) becomes a full-width one, since a path segment
 * cannot hold it on a static host.
 */
export function facetSegment(value: string): string {
  return value.replaceAll('/', '／');
}
