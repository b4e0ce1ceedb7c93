/**
 * Builds the search index from the finished site at `astro:build:done`,
 * through Pagefind's Node API, so `astro build` yields pages and index in one
 * step. Each document page (the ones with `data-pagefind-body`) is handed to
 * Pagefind as index HTML in Wenyuan's token form (src/lib/search), with its
 * anchors, filters, meta and sort keys, shard by shard (src/lib/search/shards);
 * the settings the browser needs (the Traditional → Simplified table, the
 * shard list) are written beside the primary bundle.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createNormalizer } from '../lib/search/normalize.ts';
import { traditionalToSimplifiedPairs } from '../lib/search/t2s-table.ts';
import { searchablePage } from '../lib/search/page-text.ts';
import { indexHtml } from '../lib/search/index-html.ts';
import { SEARCH_SETTINGS_FILE, type SearchSettings } from '../lib/search/settings.ts';
import { shardCount, shardOf, shardPath } from '../lib/search/shards.ts';
import { digestOfFiles, filesUnder } from '../lib/files.ts';

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

/** Bump when the index HTML changes shape, so cached shards are rebuilt. */
const INDEX_FORMAT = 3;

/** One shard's pages as Pagefind will receive them. */
interface ShardInput {
  shard: number;
  pages: Array<{ url: string; html: string }>;
}

/** A shard's document pages and the digest of everything its index is made from. */
interface ShardPlan {
  shard: number;
  files: string[];
  digest: string;
}

/** Digest of the code that turns pages into index input (src/lib/search/) and of the index format. */
function indexCodeDigest(): string {
  const dir = fileURLToPath(new URL('../lib/search/', import.meta.url));
  return createHash('sha256').update(`wenyuan-index-${INDEX_FORMAT}\n`).update(digestOfFiles(dir, filesUnder(dir, ['.ts']))).digest('hex');
}

/**
 * The document pages (those with `data-pagefind-body`) of each shard, and
 * each shard's digest: the index code, the Traditional→Simplified table and
 * every page's URL and bytes. A page's shard depends on its URL only. Pages
 * are read once here to be hashed; only shards that must be indexed are read
 * again and tokenised.
 */
async function planShards(siteDir: string, outputPath: string, t2s: unknown): Promise<ShardPlan[]> {
  const documents: Array<{ file: string; url: string; hash: string }> = [];
  for (const file of htmlFiles(siteDir, outputPath)) {
    const bytes = await readFile(file);
    if (!bytes.includes('data-pagefind-body')) continue;
    documents.push({ file, url: urlOf(siteDir, file), hash: createHash('sha256').update(bytes).digest('hex') });
  }
  // WENYUAN_PAGES_PER_SHARD lets tests split a small archive the way a large one is split.
  const count = shardCount(documents.length, Number(process.env.WENYUAN_PAGES_PER_SHARD) || undefined);
  const code = createHash('sha256').update(indexCodeDigest()).update(JSON.stringify(t2s)).digest('hex');
  const plans = Array.from({ length: count }, (_, shard) => ({ shard, files: [] as string[], hash: createHash('sha256').update(code) }));
  for (const doc of documents) {
    const plan = plans[shardOf(doc.url, count)]!;
    plan.files.push(doc.file);
    plan.hash.update(doc.url).update('\0').update(doc.hash).update('\0');
  }
  return plans.map(({ shard, files, hash }) => ({ shard, files, digest: hash.digest('hex') }));
}

/** Reads and tokenises one shard's pages (only this shard is held in memory). */
async function shardInput(plan: ShardPlan, siteDir: string, normalize: (text: string) => string): Promise<ShardInput> {
  const pages: Array<{ url: string; html: string }> = [];
  for (let start = 0; start < plan.files.length; start += BATCH) {
    const batch = await Promise.all(
      plan.files.slice(start, start + BATCH).map(async (file) => {
        const page = searchablePage(await readFile(file, 'utf8'));
        return page && { url: urlOf(siteDir, file), html: indexHtml(page, normalize) };
      }),
    );
    for (const page of batch) if (page) pages.push(page);
  }
  return { shard: plan.shard, pages };
}

/** Indexes one shard with a fresh Pagefind process, so its memory is returned before the next; returns seconds adding pages and writing. */
async function indexShard(input: ShardInput, outputPath: string): Promise<{ add: number; write: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < input.pages.length; start += BATCH) {
      await Promise.all(
        input.pages.slice(start, start + BATCH).map(async (page) => {
          const added = await index.addHTMLFile({ url: page.url, content: page.html });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
        }),
      );
    }
    const added = performance.now();
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write ${outputPath}: ${written.errors.join('; ')}`);
    return { add: (added - started) / 1000, write: (performance.now() - added) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/** What indexing a built site produced. */
export interface IndexSummary {
  pages: number;
  shards: number;
  /** Shards taken unchanged from the cache. */
  reused: number;
  seconds: number;
  /** Seconds spent reading and tokenising pages, adding them to Pagefind, and Pagefind writing its files, over all shards. */
  phases: { read: number; add: number; write: number };
}

/**
 * Indexes every document page under `siteDir` into one Pagefind bundle per
 * shard (`pagefind/`, `pagefind-1/`, …) plus the search settings file.
 * With a `cacheDir`, a shard whose pages are unchanged since the last build is
 * copied from the cache instead of being indexed again. Shared by the
 * integration and scripts/index-site.ts.
 */
export async function buildSearchIndex(siteDir: string, cacheDir?: string): Promise<IndexSummary> {
  const started = performance.now();
  const primary = path.join(siteDir, 'pagefind');
  const pairs = traditionalToSimplifiedPairs();
  const normalize = createNormalizer(pairs);
  const plans = await planShards(siteDir, primary, pairs);
  let reused = 0;
  let pages = 0;
  const phases = { read: 0, add: 0, write: 0 };
  const cachedPath = (plan: ShardPlan) => cacheDir && path.join(cacheDir, `shard-${plan.shard}-${plan.digest.slice(0, 16)}`);
  const toIndex: ShardPlan[] = [];
  for (const plan of plans) {
    const cached = cachedPath(plan);
    if (cached && existsSync(cached)) {
      await cp(cached, path.join(siteDir, shardPath(plan.shard)), { recursive: true });
      pages += plan.files.length;
      reused++;
    } else {
      toIndex.push(plan);
    }
  }
  // The next shard is read and tokenised here while Pagefind (its own process)
  // indexes the current one: two shards' text in memory, both cores busy.
  const read = async (plan: ShardPlan) => {
    const reading = performance.now();
    const input = await shardInput(plan, siteDir, normalize);
    phases.read += (performance.now() - reading) / 1000;
    return input;
  };
  let next = toIndex.length > 0 ? read(toIndex[0]!) : undefined;
  for (const [i, plan] of toIndex.entries()) {
    const input = await next!;
    next = i + 1 < toIndex.length ? read(toIndex[i + 1]!) : undefined;
    pages += input.pages.length;
    const outputPath = path.join(siteDir, shardPath(plan.shard));
    const { add, write } = await indexShard(input, outputPath);
    phases.add += add;
    phases.write += write;
    const cached = cachedPath(plan);
    if (cached) {
      await mkdir(path.dirname(cached), { recursive: true });
      for (const old of readdirSync(path.dirname(cached)).filter((name) => name.startsWith(`shard-${plan.shard}-`))) {
        await rm(path.join(path.dirname(cached), old), { recursive: true, force: true });
      }
      await cp(outputPath, cached, { recursive: true });
    }
  }
  const settings: SearchSettings = { version: 1, t2s: pairs, shards: plans.slice(1).map((plan) => shardPath(plan.shard)) };
  await mkdir(primary, { recursive: true });
  await writeFile(path.join(primary, SEARCH_SETTINGS_FILE), JSON.stringify(settings));
  return { pages, shards: plans.length, reused, seconds: (performance.now() - started) / 1000, phases };
}

/**
 * Astro integration that indexes the output with Pagefind when the build is
 * done. WENYUAN_SKIP_SEARCH_INDEX=1 leaves the index out (benchmarks time the
 * two steps apart).
 */
export function pagefindIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'wenyuan:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'wenyuan-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.WENYUAN_SKIP_SEARCH_INDEX === '1') {
          logger.warn('WENYUAN_SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const summary = await buildSearchIndex(fileURLToPath(dir), cacheDir);
        logger.info(
          `indexed ${summary.pages} documents in ${summary.shards} shard(s), ${summary.reused} unchanged, in ${summary.seconds.toFixed(1)} s`,
        );
      },
    },
  };
}
