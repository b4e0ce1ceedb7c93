/**
 * Addresses of the rule pages: the diff of two versions and the history of
 * one article. Plain functions, so the Markdown plugins (which
 * run before Astro's collections exist) and the pages build the same URLs.
 */

/** The diff from version `from` to version `to`: `/documents/<from>/diff/<to>/`. */
export function diffUrl(from: string, to: string): string {
  return `/documents/${from}/diff/${to}/`;
}

/** How one article read in every version, seen from version `id`: `/documents/<id>/history/第九条/`. */
export function articleHistoryUrl(id: string, articleAnchor: string): string {
  return `/documents/${id}/history/${articleAnchor}/`;
}
