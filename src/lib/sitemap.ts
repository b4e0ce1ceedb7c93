/**
 * Which built pages the sitemap lists (astro.config.mjs hands this to
 * @astrojs/sitemap as its filter).
 *
 * Every page with a directory URL — documents, browse and facet pages,
 * people, bodies, meetings, cited texts, version comparisons — except the
 * history of single articles (`/documents/<id>/history/<article>/`). Those
 * are views of the versions' own pages, one per article of every rule with
 * versions: 39,304 of the 53,823 pages at 10,000 law documents. Listing them
 * would make three quarters of the sitemap pages that add no text of their
 * own, and the package sorts every address with `localeCompare`, which at
 * that size cost seconds of every build. Readers and crawlers reach them from
 * each article's 沿革 link. Nor the staff editor (`/admin/`), which is not
 * for readers (robots.txt disallows it).
 */
export function isSitemapPage(url: string): boolean {
  if (!url.endsWith('/')) return false;
  const path = new URL(url).pathname;
  return !/^\/documents\/[^/]+\/history\//.test(path) && !path.startsWith('/admin/');
}
