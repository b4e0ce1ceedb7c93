/**
 * Builds the search index from the finished site at `astro:build:done`,
 * through Pagefind's Node API, so `astro build` yields pages and index in one
 * step. Each document page (the ones with `data-pagefind-body`) is handed to
 * Pagefind as index HTML in Wenyuan's token form (src/lib/search), with its
 * anchors, filters, meta and sort keys, shard by shard (src/lib/search/shards;
 * each shard in a worker thread with its own Pagefind, pagefind-shard.ts);
 * the settings the browser needs (the Traditional → Simplified table, the
 * shard list) are written beside the primary bundle.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { availableParallelism, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { traditionalToSimplifiedPairs } from '../lib/search/t2s-table.ts';
import { SEARCH_SETTINGS_FILE, type SearchSettings } from '../lib/search/settings.ts';
import { bundlePageIds, sharedPageIds } from '../lib/search/shared-ids.ts';
import { shardCount, shardOf, shardOfBundleFile, shardPath as bundlePath } from '../lib/search/shards.ts';
import { earlyShardFits, indexJobs, indexWhilePagesRender } from '../lib/search/index-jobs.ts';
import { buildScope } from '../lib/build-paths.ts';
import { digestOfFiles, filesUnder, linkTree } from '../lib/files.ts';
import { PageHashes } from '../lib/search/page-hashes.ts';
import { urlOf, type ShardJob, type ShardReport } from './pagefind-shard.ts';
import { pagesByShard } from './pages-by-shard.ts';

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

/** Bump when the index HTML changes shape, so cached shards are rebuilt. */
const INDEX_FORMAT = 5;

/** A shard's document pages and the digest of everything its index is made from. */
interface ShardPlan {
  shard: number;
  files: string[];
  digest: string;
}

/** Digest of the code that turns pages into index input (src/lib/search/, the shard indexer), Pagefind's version and the index format. */
function indexCodeDigest(): string {
  const dir = fileURLToPath(new URL('../lib/search/', import.meta.url));
  const shardCode = fileURLToPath(new URL('./pagefind-shard.ts', import.meta.url));
  // Pagefind's entry point is lib/index.js; its package.json is one folder up.
  const pagefindPackage = fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind')));
  const pagefindVersion = (JSON.parse(readFileSync(pagefindPackage, 'utf8')) as { version: string }).version;
  return createHash('sha256')
    .update(`wenyuan-index-${INDEX_FORMAT}\npagefind-${pagefindVersion}\n`)
    .update(digestOfFiles(dir, filesUnder(dir, ['.ts'])))
    .update(digestOfFiles(path.dirname(shardCode), [shardCode]))
    .digest('hex');
}

/** What a shard's digest starts from: the index code and the Traditional→Simplified table. */
function indexInputDigest(t2s: unknown): string {
  return createHash('sha256').update(indexCodeDigest()).update(JSON.stringify(t2s)).digest('hex');
}

/** A shard's digest: the index input's, then every page's URL and bytes' hash, in order. */
function shardDigest(code: string, pages: ReadonlyArray<{ url: string; hash: string }>): string {
  const hash = createHash('sha256').update(code);
  for (const page of pages) hash.update(page.url).update('\0').update(page.hash).update('\0');
  return hash.digest('hex');
}

/** Pages hashed at once: enough to keep the disk busy, few enough to keep memory flat. */
const HASH_BATCH = 32;

/** The hash of each of `files` ({@link PageHashes.hashOf}), in order. */
async function hashesOf(hashes: PageHashes, files: readonly string[]): Promise<Array<string | null | undefined>> {
  const out: Array<string | null | undefined> = [];
  for (let i = 0; i < files.length; i += HASH_BATCH) out.push(...(await Promise.all(files.slice(i, i + HASH_BATCH).map((file) => hashes.hashOf(file)))));
  return out;
}

/**
 * The document pages (those with `data-pagefind-body`) of each shard, and
 * each shard's digest: the index code, the Traditional→Simplified table and
 * every page's URL and bytes. A page's shard depends on its URL only. Pages
 * are hashed here (or their hashes taken from the last build's records,
 * src/lib/search/page-hashes.ts); only shards that must be indexed are read
 * again and tokenised.
 */
async function planShards(siteDir: string, outputPath: string, t2s: unknown, hashes: PageHashes): Promise<ShardPlan[]> {
  const files = htmlFiles(siteDir, outputPath);
  const found = await hashesOf(hashes, files);
  const documents: Array<{ file: string; url: string; hash: string }> = [];
  files.forEach((file, i) => {
    const hash = found[i];
    if (hash) documents.push({ file, url: urlOf(siteDir, file), hash });
  });
  const count = shardCount(documents.length, pagesPerShard());
  const code = indexInputDigest(t2s);
  const shards = Array.from({ length: count }, () => [] as typeof documents);
  for (const doc of documents) shards[shardOf(doc.url, count)]!.push(doc);
  return shards.map((docs, shard) => ({ shard, files: docs.map((doc) => doc.file), digest: shardDigest(code, docs) }));
}

/** The records of page hashes kept in the index cache, one file per partition. */
function pageHashes(siteDir: string, cacheDir: string | undefined, partition?: string): PageHashes {
  return new PageHashes(siteDir, cacheDir && path.join(cacheDir, partition ? `pages-${partition}.json` : 'pages.json'));
}

/** WENYUAN_PAGES_PER_SHARD lets tests split a small archive the way a large one is split. */
function pagesPerShard(): number | undefined {
  return Number(process.env.WENYUAN_PAGES_PER_SHARD) || undefined;
}

/**
 * The plan of a shard from its files as forecast while pages render
 * (pages-by-shard.ts): undefined when one of them is not a document page,
 * so the forecast is wrong and the shard is left to the index after the pages.
 */
async function planOf(siteDir: string, shard: number, files: string[], code: string, hashes: PageHashes): Promise<ShardPlan | undefined> {
  const found = await hashesOf(hashes, files);
  if (!found.every((hash) => typeof hash === 'string')) return undefined;
  return { shard, files, digest: shardDigest(code, files.map((file, i) => ({ url: urlOf(siteDir, file), hash: found[i]! }))) };
}

/** A counting semaphore: at most `size` holders at once. */
function semaphore(size: number) {
  let free = size;
  const waiting: Array<() => void> = [];
  return {
    acquire: (): Promise<void> => {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release: (): void => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/**
 * Indexes one shard in a worker thread; `running` holds the worker while it
 * works, and its Pagefind starts only with one of the `pagefind` slots.
 */
function inWorker(job: ShardJob, running: Set<Worker>, pagefind: ReturnType<typeof semaphore>): Promise<ShardReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pagefind-worker.ts', import.meta.url), { workerData: job });
    running.add(worker);
    let report: ShardReport | undefined;
    let slot = false;
    worker.on('message', (message: { read?: true; report?: ShardReport; error?: string }) => {
      if (message.read) {
        void pagefind.acquire().then(() => {
          slot = true;
          worker.postMessage('index');
        });
      } else if (message.report) {
        report = message.report;
      } else {
        reject(new Error(`indexing shard ${job.shard} failed: ${message.error}`));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      running.delete(worker);
      if (slot) pagefind.release();
      if (report) resolve(report);
      else reject(new Error(`the worker indexing shard ${job.shard} stopped (code ${code}) without finishing`));
    });
  });
}

/** What indexing a built site produced. */
export interface IndexSummary {
  pages: number;
  shards: number;
  /** Shards taken unchanged from the cache. */
  reused: number;
  /** Shards indexed while Astro was still rendering pages, and kept. */
  early: number;
  /** Shards indexed early whose pages then differed from the built site's, so indexed again. */
  discarded: number;
  /** Why each shard whose early indexing failed failed (each was indexed again after the pages). */
  earlyFailures: string[];
  /** Shards not indexed while pages rendered for want of memory (indexed after the pages). */
  deferred: number;
  /** Built pages read to learn their hashes; the others' were known from the last build (src/lib/search/page-hashes.ts). */
  pagesRead: number;
  seconds: number;
  /** Seconds spent reading and tokenising pages, adding them to Pagefind, and Pagefind writing its files, summed over shards (shards indexed side by side overlap). */
  phases: { read: number; add: number; write: number };
}

/** The start of a shard's name in the cache; one cache may serve several partitions' builds. */
function shardPrefix(shard: number, partition?: string): string {
  return partition ? `shard-${partition}-${shard}-` : `shard-${shard}-`;
}

/** Where a shard with this plan is (or would be) kept in the cache. */
function cachedShard(cacheDir: string | undefined, plan: ShardPlan, partition?: string): string | undefined {
  return cacheDir && path.join(cacheDir, `${shardPrefix(plan.shard, partition)}${plan.digest.slice(0, 16)}`);
}

/** Keeps a freshly indexed shard in the cache, in place of the shard's older copies. */
async function keepInCache(siteDir: string, cacheDir: string | undefined, plan: ShardPlan, partition?: string): Promise<void> {
  const cached = cachedShard(cacheDir, plan, partition);
  if (!cached) return;
  await mkdir(path.dirname(cached), { recursive: true });
  for (const old of readdirSync(path.dirname(cached)).filter((name) => name.startsWith(shardPrefix(plan.shard, partition)))) {
    await rm(path.join(path.dirname(cached), old), { recursive: true, force: true });
  }
  // Linked (or copied) under a temporary name and renamed, so an interrupted copy is never taken for a shard.
  const partial = `${cached}.partial`;
  await rm(partial, { recursive: true, force: true });
  await linkTree(path.join(siteDir, bundlePath(plan.shard, partition)), partial);
  await rename(partial, cached);
}

/**
 * A shard indexed while pages rendered: its plan then and, unless the cache
 * held it, what indexing did; or why it failed; or why it was left to the
 * index after the pages (`deferred`: too little memory at the time).
 */
export type EarlyShard = { plan: ShardPlan; report?: ShardReport } | { failed: string } | { deferred: string } | undefined;

/** Memory still available to this process, in MiB (a container's limit heeded). */
function availableMiB(): number {
  return process.availableMemory() / 2 ** 20;
}

/**
 * Indexes shards as src/integrations/pages-by-shard.ts reports them written,
 * while Astro renders the rest of the site: one Pagefind at a time (Astro's
 * process holds its own memory meanwhile) and the next shard read and
 * tokenised meanwhile, in the same workers and with the same code as the
 * index after the pages, so the bundles are the same. A shard the cache
 * holds is left to the cache. {@link buildSearchIndex} keeps a shard only if
 * its files and digest are those of the built site.
 */
export function earlyIndexer(siteDir: string, cacheDir: string | undefined, partition?: string) {
  const pairs = traditionalToSimplifiedPairs();
  // Read and hashed once: the index code's files do not change during a build.
  const code = indexInputDigest(pairs);
  // Shared with the index after the pages, which saves the records at its end.
  const hashes = pageHashes(siteDir, cacheDir, partition);
  const pagefindSlots = semaphore(1);
  const readers = semaphore(2);
  const running = new Set<Worker>();
  const shards = new Map<number, Promise<EarlyShard>>();
  const index = async (shard: number, files: string[]): Promise<EarlyShard> => {
    const plan = await planOf(siteDir, shard, files, code, hashes);
    if (!plan) return undefined;
    const cached = cachedShard(cacheDir, plan, partition);
    if (cached && existsSync(cached)) return { plan };
    const available = availableMiB();
    if (!earlyShardFits(available, files.length)) return { deferred: `${files.length} pages, ${available.toFixed(0)} MiB available` };
    await readers.acquire();
    try {
      const target = bundlePath(shard, partition);
      await rm(path.join(siteDir, target), { recursive: true, force: true });
      return { plan, report: await inWorker({ shard, path: target, siteDir, files, t2s: pairs }, running, pagefindSlots) };
    } finally {
      readers.release();
    }
  };
  return {
    shards,
    hashes,
    start: (shard: number, files: string[]) => {
      // Never an unhandled rejection: a failed shard is indexed again after the pages, which then reports the error.
      shards.set(shard, index(shard, files).catch((error: unknown) => ({ failed: error instanceof Error ? error.message : String(error) })));
    },
  };
}

/**
 * Indexes every document page under `siteDir` into one Pagefind bundle per
 * shard (`pagefind/`, `pagefind-1/`, …) plus the search settings file.
 * With a `cacheDir`, a shard whose pages are unchanged since the last build is
 * copied from the cache instead of being indexed again; with `early`, a
 * shard already indexed while the pages rendered ({@link earlyIndexer}) is
 * kept when its files and digest are the built site's. Shared by the
 * integration and scripts/index-site.ts.
 */
export async function buildSearchIndex(
  siteDir: string,
  cacheDir?: string,
  options: { partition?: string; early?: ReadonlyMap<number, Promise<EarlyShard>>; hashes?: PageHashes } = {},
): Promise<IndexSummary> {
  const started = performance.now();
  const { partition } = options;
  const shardPath = (shard: number) => bundlePath(shard, partition);
  const primary = path.join(siteDir, shardPath(0));
  const pairs = traditionalToSimplifiedPairs();
  const hashes = options.hashes ?? pageHashes(siteDir, cacheDir, partition);
  const plans = await planShards(siteDir, primary, pairs, hashes);
  const summary: IndexSummary = { pages: 0, shards: plans.length, reused: 0, early: 0, discarded: 0, earlyFailures: [], deferred: 0, pagesRead: 0, seconds: 0, phases: { read: 0, add: 0, write: 0 } };
  const took = (report: ShardReport) => {
    summary.pages += report.pages;
    summary.phases.read += report.read;
    summary.phases.add += report.add;
    summary.phases.write += report.write;
  };
  // Shards indexed early are kept only when they are the built site's.
  const kept = new Set<number>();
  for (const [shard, made] of options.early ?? []) {
    const early = await made;
    const plan = plans[shard];
    const same = early && 'plan' in early && plan && early.plan.digest === plan.digest && early.plan.files.join('\n') === plan.files.join('\n');
    if (same && early.report) {
      took(early.report);
      await keepInCache(siteDir, cacheDir, plan, partition);
      kept.add(shard);
      summary.early++;
    } else if (early && 'deferred' in early) {
      summary.deferred++;
    } else if (early && 'failed' in early) {
      summary.earlyFailures.push(`shard ${shard}: ${early.failed}`);
      if (!plan) await rm(path.join(siteDir, shardPath(shard)), { recursive: true, force: true });
    } else if (!same && early?.report) {
      summary.discarded++;
      // A bundle no shard of the built site has would be served stale.
      if (!plan) await rm(path.join(siteDir, shardPath(shard)), { recursive: true, force: true });
    }
  }
  // A partition without documents (yet) has no shards; the hub merges the others.
  if (partition && plans.every((plan) => plan.files.length === 0)) {
    await removeBundlesFrom(siteDir, 0, partition);
    return { ...summary, shards: 0, seconds: (performance.now() - started) / 1000 };
  }
  // An output folder kept from the last build (src/lib/kept-output.ts) may hold more shards than this one has.
  await removeBundlesFrom(siteDir, plans.length, partition);
  const toIndex: ShardPlan[] = [];
  for (const plan of plans) {
    if (kept.has(plan.shard)) continue;
    const cached = cachedShard(cacheDir, plan, partition);
    if (cached && existsSync(cached)) {
      // Never into an old copy: its files may be links into the cache, which must not be written through.
      await rm(path.join(siteDir, shardPath(plan.shard)), { recursive: true, force: true });
      await linkTree(cached, path.join(siteDir, shardPath(plan.shard)));
      summary.pages += plan.files.length;
      summary.reused++;
    } else {
      toIndex.push(plan);
    }
  }
  // Each shard is read, tokenised and indexed in a worker thread with its own
  // Pagefind process; `jobs` Pagefind processes run at once. With one, the
  // next shard is read meanwhile (Pagefind writes on one core).
  const queue = [...toIndex];
  const running = new Set<Worker>();
  const largest = Math.max(0, ...toIndex.map((plan) => plan.files.length));
  const jobs = indexJobs({
    largestShard: largest,
    residentMiB: process.memoryUsage.rss() / 2 ** 20,
    cores: availableParallelism(),
    override: process.env.WENYUAN_INDEX_JOBS,
  });
  const slots = semaphore(jobs);
  const runNext = async (): Promise<void> => {
    const plan = queue.shift();
    if (!plan) return;
    // Pagefind writes into a fresh folder, never through links into the cache.
    await rm(path.join(siteDir, shardPath(plan.shard)), { recursive: true, force: true });
    took(await inWorker({ shard: plan.shard, path: shardPath(plan.shard), siteDir, files: plan.files, t2s: pairs }, running, slots));
    await keepInCache(siteDir, cacheDir, plan, partition);
    return runNext();
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs === 1 ? 2 : jobs, toIndex.length) }, runNext));
  } catch (error) {
    // One shard failed: start no other and stop those still indexing.
    queue.length = 0;
    await Promise.all([...running].map((worker) => worker.terminate()));
    throw error;
  }
  const sharedIds = sharedPageIds(plans.map((plan) => bundlePageIds(path.join(siteDir, shardPath(plan.shard)))));
  const settings: SearchSettings = {
    version: 1,
    t2s: pairs,
    shards: plans.slice(1).map((plan) => shardPath(plan.shard)),
    ...(sharedIds.length > 0 ? { sharedIds } : {}),
  };
  summary.pagesRead = hashes.read;
  hashes.save();
  await mkdir(primary, { recursive: true });
  // A new file, not written through a link into the cache.
  await rm(path.join(primary, SEARCH_SETTINGS_FILE), { force: true });
  await writeFile(path.join(primary, SEARCH_SETTINGS_FILE), JSON.stringify(settings));
  return { ...summary, seconds: (performance.now() - started) / 1000 };
}

/** Removes the bundles of shards `from` and above (this build's names) from the output folder. */
async function removeBundlesFrom(siteDir: string, from: number, partition?: string): Promise<void> {
  for (const name of readdirSync(siteDir)) {
    const shard = shardOfBundleFile(name, partition);
    if (shard !== undefined && shard >= from) await rm(path.join(siteDir, name), { recursive: true, force: true });
  }
}

/**
 * Whether this build makes the search index itself (not with
 * WENYUAN_SKIP_SEARCH_INDEX=1, nor in the hub, which merges the partitions'
 * shards after its build). Only then are the bundles in the output folder
 * this build's.
 */
export function searchIndexBuiltHere(): boolean {
  return process.env.WENYUAN_SKIP_SEARCH_INDEX !== '1' && buildScope().kind !== 'hub';
}

/** Where indexed shards are kept between builds, inside the build cache. */
export function searchCacheDir(buildCache: string): string {
  return path.join(buildCache, 'wenyuan-search');
}

/** One line saying what indexing did, with the time of each phase. */
export function describeIndex(summary: IndexSummary): string {
  const { read, add, write } = summary.phases;
  const again = [
    ...(summary.discarded > 0 ? [`${summary.discarded} more indexed then but again after, their pages having changed`] : []),
    ...(summary.earlyFailures.length > 0 ? [`${summary.earlyFailures.length} failed then and were indexed again after: ${summary.earlyFailures.join('; ')}`] : []),
    ...(summary.deferred > 0 ? [`${summary.deferred} left to after the pages, too little memory then`] : []),
  ];
  const early =
    summary.early + summary.discarded + summary.earlyFailures.length + summary.deferred > 0
      ? `, ${summary.early} indexed while pages rendered${again.length > 0 ? ` (${again.join('; ')})` : ''}`
      : '';
  return (
    `indexed ${summary.pages} documents in ${summary.shards} shard(s), ${summary.reused} unchanged${early}, in ${summary.seconds.toFixed(1)} s after the pages ` +
    `(reading and tokenising ${read.toFixed(1)} s, adding to Pagefind ${add.toFixed(1)} s, Pagefind writing ${write.toFixed(1)} s, summed over shards); ` +
    `${summary.pagesRead} built page(s) read to learn which shards changed, the others known from the last build`
  );
}

/**
 * Astro integration that builds the search index with Pagefind: each
 * shard's as soon as its document pages are written, while Astro renders
 * the rest (pages-by-shard.ts, {@link earlyIndexer}), and whatever is left
 * when the build is done. WENYUAN_INDEX_AFTER_PAGES=1 builds the whole index
 * after the pages, as before (tests compare the two);
 * WENYUAN_SKIP_SEARCH_INDEX=1 leaves the index out (benchmarks time the two
 * steps apart).
 */
export function pagefindIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  let siteDir = '';
  let concurrency = 1;
  let adapter: string | undefined;
  let early: ReturnType<typeof earlyIndexer> | undefined;
  const scopeOptions = () => {
    const scope = buildScope();
    return { hub: scope.kind === 'hub', partition: scope.kind === 'partition' ? scope.name : undefined };
  };
  return {
    name: 'wenyuan:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = searchCacheDir(fileURLToPath(config.cacheDir));
        siteDir = fileURLToPath(config.outDir);
        concurrency = config.build.concurrency;
        adapter = config.adapter?.name;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const { hub, partition } = scopeOptions();
        if (process.env.WENYUAN_SKIP_SEARCH_INDEX === '1' || process.env.WENYUAN_INDEX_AFTER_PAGES === '1' || hub) return;
        if (!indexWhilePagesRender(totalmem() / 2 ** 20, process.env.WENYUAN_INDEX_WHILE_PAGES)) {
          logger.info(`${(totalmem() / 2 ** 30).toFixed(1)} GiB of memory: the search index is built after the pages (see index-jobs.ts; WENYUAN_INDEX_WHILE_PAGES=1 overlaps them anyway)`);
          return;
        }
        // pages-by-shard.ts relies on Astro rendering one page at a time.
        if (concurrency !== 1) {
          logger.info(`build.concurrency is ${concurrency}: the search index is built after the pages`);
          return;
        }
        // setPrerenderer keeps one prerenderer: ours would replace an adapter's.
        if (adapter) {
          logger.info(`the adapter ${adapter} may set its own prerenderer: the search index is built after the pages`);
          return;
        }
        const indexer = earlyIndexer(siteDir, cacheDir, partition);
        early = indexer;
        setPrerenderer((inner) => pagesByShard(inner, { siteDir, perShard: pagesPerShard(), onShardWritten: indexer.start }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.WENYUAN_SKIP_SEARCH_INDEX === '1') {
          logger.warn('WENYUAN_SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const { hub, partition } = scopeOptions();
        if (hub) {
          logger.info('hub build: no search index here; scripts/build-hub.ts merges the partitions\' shards');
          return;
        }
        const summary = await buildSearchIndex(fileURLToPath(dir), cacheDir, { ...(partition ? { partition } : {}), ...(early ? { early: early.shards } : {}) });
        logger.info(describeIndex(summary));
        // Benchmarks build with --silent and read the line from here.
        if (process.env.WENYUAN_INDEX_LOG) await appendFile(process.env.WENYUAN_INDEX_LOG, `${describeIndex(summary)}\n`);
      },
    },
  };
}
