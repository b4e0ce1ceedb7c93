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

/** Astro integration that indexes dist/ with Pagefind when the build is done. */
export function pagefindIndex(options: PagefindIndexOptions = {}): AstroIntegration {
  const outputSubdir = options.outputSubdir ?? 'pagefind';
  return {
    name: 'wenyuan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: siteDir });
          if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${siteDir}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(siteDir, outputSubdir) });
          if (written.errors.length > 0) throw new Error(`Pagefind failed to write the index: ${written.errors.join('; ')}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`indexed ${added.page_count} pages in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
