/**
 * Builds the search index from the finished site at `astro:build:done`,
 * through Pagefind's Node API, so `astro build` yields pages and index in one
 * step. Each document page (the ones with `data-pagefind-body`) is handed to
 * Pagefind as index HTML in Wenyuan's token form (src/lib/search), with its
 * anchors, filters, meta and sort keys; the Traditional → Simplified table
 * the browser needs to normalise queries the same way is written beside it.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createNormalizer } from '../lib/search/normalize.ts';
import { traditionalToSimplifiedPairs } from '../lib/search/t2s-table.ts';
import { searchablePage } from '../lib/search/page-text.ts';
import { indexHtml } from '../lib/search/index-html.ts';
import { SEARCH_SETTINGS_FILE } from '../lib/search/settings.ts';

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

/** Every HTML file under `dir` except the index's own folder, in a stable order. */
function htmlFiles(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (full !== skip) walk(full);
      } else if (entry.name.endsWith('.html')) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

/** The URL a built file is served at: dist/documents/x/index.html → /documents/x/. */
function urlOf(siteDir: string, file: string): string {
  const relative = path.relative(siteDir, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** How many pages are handed to Pagefind at once. */
const BATCH = 16;

/**
 * Indexes every document page under `siteDir` and writes the index (and the
 * search settings file) to `siteDir/<outputSubdir>`. Shared by the
 * integration and scripts/index-site.ts.
 */
export async function buildSearchIndex(siteDir: string, outputSubdir = 'pagefind'): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = path.join(siteDir, outputSubdir);
  const pairs = traditionalToSimplifiedPairs();
  const normalize = createNormalizer(pairs);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  try {
    const files = htmlFiles(siteDir, outputPath);
    for (let start = 0; start < files.length; start += BATCH) {
      await Promise.all(
        files.slice(start, start + BATCH).map(async (file) => {
          const page = searchablePage(await readFile(file, 'utf8'));
          if (!page) return;
          const added = await index.addHTMLFile({ url: urlOf(siteDir, file), content: indexHtml(page, normalize) });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
          pages++;
        }),
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write the index: ${written.errors.join('; ')}`);
    await writeFile(path.join(outputPath, SEARCH_SETTINGS_FILE), JSON.stringify({ version: 1, t2s: pairs }));
    return { pages, seconds: (performance.now() - started) / 1000 };
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
        logger.info(`indexed ${summary.pages} documents in ${summary.seconds.toFixed(1)} s`);
      },
    },
  };
}
