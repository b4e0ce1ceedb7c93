/**
 * Page ids that more than one Pagefind bundle holds. Pagefind names each page
 * by the first 7 hex digits of its fragment's hash (longer only to avoid a
 * clash inside the same bundle), so separately indexed bundles, the shards of
 * one build or the partitions of a hub, can give two different pages the
 * same id: about n²/(2·16⁷) such pairs for n pages, two at 30,000 documents.
 * The build lists them in the search settings, and the search engine tells
 * those pages apart by URL (engine.ts, sharedPageKey).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const FRAGMENT_SUFFIX = '.pf_fragment';

/** The page ids of one bundle: its fragment files' names. A folder that is no bundle is an error, never an empty one. */
export function bundlePageIds(bundleDir: string): string[] {
  if (!existsSync(path.join(bundleDir, 'pagefind-entry.json'))) throw new Error(`${bundleDir} is not a Pagefind bundle (no pagefind-entry.json)`);
  const folder = path.join(bundleDir, 'fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(FRAGMENT_SUFFIX))
    .map((name) => name.slice(0, -FRAGMENT_SUFFIX.length));
}

/** Ids found in more than one of the bundles, sorted. */
export function sharedPageIds(bundles: Iterable<Iterable<string>>): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const ids of bundles) {
    for (const id of new Set(ids)) {
      if (seen.has(id)) shared.add(id);
      else seen.add(id);
    }
  }
  return [...shared].sort();
}
