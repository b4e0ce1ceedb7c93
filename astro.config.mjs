// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { archiveProcessor } from './src/markdown/index.ts';
import { pagefindIndex, searchIndexBuiltHere } from './src/integrations/pagefind.ts';
import { keptOutput as keptOutputIntegrations } from './src/integrations/kept-output.ts';
import { shardOfBundleFile } from './src/lib/search/shards.ts';
import { documentFiles, isDocumentFileOf } from './src/integrations/document-files.ts';
import { crossLinks } from './src/integrations/cross-links.ts';
import { partitionScope } from './src/integrations/partition-scope.ts';
import { loadContentGraph, loadGraphFile } from './src/data/content-graph.ts';
import { resolveScope } from './src/data/partition-scope.ts';
import { hubPages } from './src/data/hub-input.ts';
import { buildCacheDir, buildScope, contentDir, givenGraphFile, partitionsFile } from './src/lib/build-paths.ts';
import { isSitemapPage } from './src/lib/sitemap.ts';
import { editUrlPattern } from './src/lib/edit-link.ts';
import { SITE_CODE_VARIABLE, siteCodeDigest } from './src/lib/page-cache-key.ts';

// The content folder, output folder and cache can be redirected so tests and
// benchmarks build other document sets without touching content/ or dist/.
const env = process.env;

// The citation and entity graph, computed once per build from the content
// folder: the Markdown plugin links with it, pages read it (see
// src/data/content-graph.ts for why here). Each document's links have a
// digest that joins the document's own in Astro's content cache, so a rebuild
// re-renders the documents whose text or links changed and no others
// (src/lib/graph/link-index.ts).
// A WENYUAN_EDIT_URL without {path} stops the build here, before any page.
editUrlPattern(env.WENYUAN_EDIT_URL);

// Every page's cache key includes the site's code: a code change renders every page anew (src/lib/page-cache-key.ts).
env[SITE_CODE_VARIABLE] = siteCodeDigest(fileURLToPath(new URL('.', import.meta.url)));

const cacheDir = buildCacheDir();
// A partitioned build is given the graph, computed once from all documents (WENYUAN_GRAPH_FILE).
const graphFile = givenGraphFile();
const contentGraph = graphFile ? loadGraphFile(graphFile) : loadContentGraph(contentDir(), { cacheDir });
// What this build makes: everything, one partition's documents, or the hub's pages (README, "Beyond one machine").
const scope = resolveScope(buildScope(), contentDir(), partitionsFile());
const site = env.WENYUAN_SITE ?? 'http://127.0.0.1:4321';
// A rebuild keeps the output folder, leaving unchanged pages in place, and
// first removes what the last build made and this one did not (src/lib/kept-output.ts):
// `start` before every other integration, `finish` (the stamp) after them.
// The search index links unchanged shards from its cache without writing them.
// Each document's own files are written again only when its page was.
const keptOutput = keptOutputIntegrations({
  keptElsewhere: (relative, pages) =>
    isDocumentFileOf(relative, pages) || (searchIndexBuiltHere() && shardOfBundleFile(relative, scope.kind === 'partition' ? scope.name : undefined) !== undefined),
  // The index writes and removes this build's bundles itself, some of them while the pages render.
  leftAlone: (folder) => searchIndexBuiltHere() && shardOfBundleFile(folder, scope.kind === 'partition' ? scope.name : undefined) !== undefined,
});

export default defineConfig({
  outDir: env.WENYUAN_OUT_DIR ?? './dist',
  cacheDir,
  // The public base URL: canonical links, feeds, the sitemap and the open data files name it.
  site,
  trailingSlash: 'always',
  markdown: {
    processor: archiveProcessor({ index: contentGraph.index }),
    syntaxHighlight: false,
  },
  integrations: [
    keptOutput.start,
    mdx(),
    crossLinks(contentGraph.index, contentGraph.file),
    partitionScope(scope),
    // sitemap-index.xml and sitemap-0.xml…: every page (directory URLs) but
    // the history of each article and the staff editor, no feeds or data
    // files, no dates, so two builds of the same content agree (see isSitemapPage).
    // The hub lists the partitions' pages too, which it does not make itself.
    sitemap({
      filter: isSitemapPage,
      namespaces: { news: false, xhtml: false, image: false, video: false },
      ...(scope.kind === 'hub' ? { customPages: hubPages().map((page) => new URL(page, site).href) } : {}),
    }),
    // Each document's .md, .txt, .bib, .ris and .csl.json beside its page.
    documentFiles(),
    pagefindIndex(),
    keptOutput.finish,
  ],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Scripts and styles as files, never inline, so pages run under a strict
  // Content-Security-Policy without 'unsafe-inline' (see README, Deploy).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // A rebuild restores, from the build cache, every page whose route code and
  // cache key (src/data/page-keys.ts) are the previous build's, instead of
  // rendering it again (README, "Rebuilds").
  experimental: { incrementalBuild: true },
});
