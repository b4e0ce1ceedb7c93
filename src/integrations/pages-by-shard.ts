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
 * Astro renders one path at a time (build.concurrency 1) and writes its file
 * before it asks for the next, so a shard is reported when the next path is
 * asked for, or when rendering ends.
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

/** The trailing-slash URL of a path (`/documents/x/`), as the index names pages. */
function pageUrl(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return encodeURI(`/${trimmed}/`);
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
  /** Pages of each shard not yet rendered, by URL. */
  const waiting = new Map<number, Set<string>>();
  const shardOfUrl = new Map<string, number>();
  const files = new Map<number, string[]>();
  /** Shards whose last page has been rendered; their files are written once the next path is asked for. */
  let done: number[] = [];
  const report = () => {
    for (const shard of done) onShardWritten(shard, files.get(shard)!);
    done = [];
  };
  return {
    ...inner,
    name: `${inner.name}+wenyuan-pages-by-shard`,
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      const documents = paths.filter((entry) => entry.route.component === DOCUMENT_ROUTE);
      const count = shardCount(documents.length, perShard);
      const planned = documents.map((entry) => {
        const url = pageUrl(entry.pathname);
        return { entry, url, shard: shardOf(url, count), file: path.join(siteDir, ...url.split('/').filter(Boolean), 'index.html') };
      });
      planned.sort((a, b) => a.shard - b.shard || siteOrder(a.file, b.file));
      for (const { url, shard, file } of planned) {
        shardOfUrl.set(url, shard);
        if (!waiting.has(shard)) waiting.set(shard, new Set());
        waiting.get(shard)!.add(url);
        if (!files.has(shard)) files.set(shard, []);
        files.get(shard)!.push(file);
      }
      const rest: PathWithRoute[] = paths.filter((entry) => entry.route.component !== DOCUMENT_ROUTE);
      return [...planned.map(({ entry }) => entry), ...rest];
    },
    render: async (request, options) => {
      report();
      const result = await inner.render(request, options);
      const url = new URL(request.url).pathname;
      const shard = shardOfUrl.get(url);
      const pending = shard === undefined ? undefined : waiting.get(shard);
      if (pending?.delete(url) && pending.size === 0) done.push(shard!);
      return result;
    },
    teardown: async () => {
      report();
      await inner.teardown?.();
    },
  };
}
