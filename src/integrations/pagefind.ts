/**
 * Builds the Pagefind search index from the finished site at
 * `astro:build:done`, through Pagefind's Node API, so `astro build` yields
 * pages and index in one step. Pages steer what is indexed with
 * `data-pagefind-*` attributes (see layouts/DocumentLayout.astro).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Options for {@link pagefindIndex}. */
export interface PagefindIndexOptions {
  /** Folder under the site's output where the index goes. Default: `pagefind`. */
  outputSubdir?: string;
}

/** What indexing a built site produced. */
export interface IndexSummary {
  pages: number;
  seconds: number;
}

/**
 * Indexes every HTML page under `siteDir` and writes the index to
 * `siteDir/<outputSubdir>`. Shared by the integration and scripts/index-site.ts.
 */
export async function buildSearchIndex(siteDir: string, outputSubdir = 'pagefind'): Promise<IndexSummary> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, outputSubdir) });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write the index: ${written.errors.join('; ')}`);
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/**
 * Astro integration that indexes the output with Pagefind when the build is
 * done. WENYUAN_SKIP_SEARCH_INDEX=1 leaves the index out (benchmarks time the
 * two steps apart).
 */
export function pagefindIndex(options: PagefindIndexOptions = {}): AstroIntegration {
  const outputSubdir = options.outputSubdir ?? 'pagefind';
  return {
    name: 'wenyuan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.WENYUAN_SKIP_SEARCH_INDEX === '1') {
          logger.warn('WENYUAN_SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const summary = await buildSearchIndex(fileURLToPath(dir), outputSubdir);
        logger.info(`indexed ${summary.pages} pages in ${summary.seconds.toFixed(1)} s`);
      },
    },
  };
}
