/**
 * Renders the document pages search shard by search shard, and says when
 * each shard's pages are all written, so its index can be built while Astro
 * renders the rest of the site (src/integrations/pagefind.ts, issue 18).
 *
 * It wraps Astro's prerenderer (the `setPrerenderer` of `astro:build:start`):
 * the list of paths is the same, reordered so that the document pages come
 * first, grouped by the shard their URL falls in (src/lib/search/shards.ts)
 * and in the order the index reads them; every other page follows in
 * Astro's order. A page's output does not depend on when it is rendered.
 * Astro handles one path at a time (build.concurrency 1): it renders the
 * page and writes its file, or, in an incremental build, restores the file
 * of an unchanged page without asking us, before it goes on to the next. So
 * when a path is asked for, every path before it in the list is written,
 * and a shard is reported as soon as a path after its last page is asked
 * for, or when rendering ends.
 *
 * If a document page's path is also another route's, the order is left as
 * Astro made it (which route wins a clash depends on it) and no shard is
 * reported: the index is then built after the pages. After a failed render
 * nothing more is reported.
 *
 * The shards reported here are a forecast: which pages end up with
 * `data-pagefind-body`, and hence the shard count, is known only from the
 * pages. The index checks each shard's files and digest against the built
 * site before it keeps what was made early (pagefind.ts).
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import path from 'node:path';
import { shardCount, shardOf } from '../lib/search/shards.ts';

/** The route whose pages the index holds. */
export const DOCUMENT_ROUTE = 'src/pages/documents/[id].astro';

/** How the walk of the built site orders files (pagefind.ts `htmlFiles`): by name, folder by folder. */
export function siteOrder(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** The trailing-slash URL path of a page (`/documents/x/`), as Astro's requests name it. */
function pageUrl(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export interface PagesByShardOptions {
  /** The built site's folder (Astro's outDir). */
  siteDir: string;
  /** Pages per shard (WENYUAN_PAGES_PER_SHARD), else the default. */
  perShard?: number;
  /** Called once per shard whose pages are all written, with its files in the index's order. */
  onShardWritten: (shard: number, files: string[]) => void;
}

/** Wraps `inner` so that document pages render shard by shard; see the module comment. */
export function pagesByShard(inner: AstroPrerenderer, { siteDir, perShard, onShardWritten }: PagesByShardOptions): AstroPrerenderer {
  /** Where each document page is in the list, by URL path. */
  const position = new Map<string, number>();
  /** Each shard's files, and the position of its last page, in the order the shards come. */
  const shards: Array<{ shard: number; files: string[]; last: number }> = [];
  /** How many of `shards` have been reported. */
  let reported = 0;
  let failed = false;
  /** Reports every shard whose last page comes before position `before`. */
  const report = (before: number) => {
    while (!failed && reported < shards.length && shards[reported]!.last < before) {
      const { shard, files } = shards[reported++]!;
      onShardWritten(shard, files);
    }
  };
  return {
    ...inner,
    name: `${inner.name}+wenyuan-pages-by-shard`,
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      const documents = paths.filter((entry) => entry.route.component === DOCUMENT_ROUTE);
      const rest: PathWithRoute[] = paths.filter((entry) => entry.route.component !== DOCUMENT_ROUTE);
      const others = new Set(rest.map((entry) => pageUrl(entry.pathname)));
      if (documents.some((entry) => others.has(pageUrl(entry.pathname)))) return paths;
      const count = shardCount(documents.length, perShard);
      const planned = documents.map((entry) => {
        const url = pageUrl(entry.pathname);
        // Files are named by the path as it is; document ids are [a-z0-9-], so no encoding is involved.
        return { entry, url, shard: shardOf(url, count), file: path.join(siteDir, ...url.split('/').filter(Boolean), 'index.html') };
      });
      planned.sort((a, b) => a.shard - b.shard || siteOrder(a.file, b.file));
      planned.forEach(({ url, shard, file }, at) => {
        position.set(url, at);
        const current = shards.at(-1);
        if (current?.shard === shard) {
          current.files.push(file);
          current.last = at;
        } else {
          shards.push({ shard, files: [file], last: at });
        }
      });
      return [...planned.map(({ entry }) => entry), ...rest];
    },
    render: async (request, options) => {
      // Every path before this one is written; a path that is not a document page comes after them all.
      report(position.get(new URL(request.url).pathname) ?? Number.POSITIVE_INFINITY);
      try {
        return await inner.render(request, options);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    teardown: async () => {
      report(Number.POSITIVE_INFINITY);
      await inner.teardown?.();
    },
  };
}
