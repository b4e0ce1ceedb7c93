/**
 * `npm run bench:search -- --docs N [--no-stock]`: builds an archive of N
 * documents from the law corpus, then measures Wenyuan's search index (wall
 * seconds, peak memory of the whole process tree, index size), Pagefind's
 * stock Chinese index of the same pages for comparison, and in Chromium the
 * bytes (compressed as a static host would serve them) and milliseconds of a
 * first and a second query on the search page. The second query is typed
 * `--pause` milliseconds after the first one's results are on screen, as a
 * reader reads them and types the next phrase; bytes fetched during the pause
 * count for the first query. Chromium compiles Pagefind's WebAssembly to
 * optimised code in the background meanwhile: at 10,000 documents one search
 * for 行政 took 908 ms typed at once and 302 ms after a 5 s pause.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { freshArchive } from './bench/archive.ts';
import { measure } from './bench/measure.ts';
import { serveStatic } from '../src/server/static-server.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    stock: { type: 'boolean', default: true },
    'no-stock': { type: 'boolean', default: false },
    'browser-only': { type: 'boolean', default: false },
    first: { type: 'string', default: '人民代表大会' },
    second: { type: 'string', default: '行政处罚' },
    pause: { type: 'string', default: '3000' },
  },
});
const count = Number(values.docs);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--docs must be a positive whole number, got "${values.docs}"`);
  process.exit(2);
}
const pauseMs = Number(values.pause);
if (!Number.isFinite(pauseMs) || pauseMs < 0) {
  console.error(`--pause must be a number of milliseconds, 0 or more, got "${values.pause}"`);
  process.exit(2);
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const work = path.resolve('.bench', `search-${count}`);
const contentDir = path.join(work, 'content');
const distDir = path.join(work, 'dist');
const env = { ...process.env, WENYUAN_CONTENT_DIR: contentDir, WENYUAN_OUT_DIR: distDir, WENYUAN_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
let ours: { seconds: number; peakMiB: number; bytes: number } | undefined;
let stock: { seconds: number; peakMiB: number; bytes: number } | undefined;
if (!values['browser-only']) {
  freshArchive(`search-${count}`, count);
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { env: { ...env, WENYUAN_SKIP_SEARCH_INDEX: '1' }, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const m = await measure(process.execPath, ['scripts/index-site.ts', distDir], { env });
  const bytes = readdirSync(distDir).filter((name) => /^pagefind(-\d+)?$/.test(name)).reduce((sum, name) => sum + folderBytes(path.join(distDir, name)), 0);
  ours = { seconds: m.seconds, peakMiB: m.peakMiB, bytes };
  if (values.stock && !values['no-stock']) {
    const out = path.join(work, 'stock-pagefind');
    const s = await measure(process.execPath, ['scripts/bench/stock-index.ts', distDir, out], { env });
    stock = { seconds: s.seconds, peakMiB: s.peakMiB, bytes: folderBytes(out) };
  }
} else if (!existsSync(path.join(distDir, 'pagefind'))) {
  console.error(`--browser-only needs an earlier run's site in ${distDir}`);
  process.exit(2);
}

/** Bytes a static host would send: Pagefind's own files are already compressed; text is gzipped. */
function servedBytes(url: string, body: Buffer): number {
  return /\.(pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/.test(new URL(url).pathname) ? body.length : gzipSync(body).length;
}

const { server, url } = await serveStatic(distDir, '127.0.0.1', 0);
const browser = await launchChromium();
/** What a response is, for the breakdown of a query's bytes. */
function kindOf(url: string): string {
  const name = new URL(url).pathname;
  const ext = /\.(pf_meta|pf_index|pf_fragment|pf_filter)$/.exec(name)?.[1];
  if (ext) return { pf_meta: 'metadata', pf_index: 'index chunks', pf_fragment: 'fragments', pf_filter: 'filters' }[ext]!;
  return /\/pagefind(-\d+)?\//.test(name) ? 'Pagefind code' : 'page';
}

const phases: Array<{ name: string; bytes: number; requests: number; ms: number; kinds: Record<string, number> }> = [];
try {
  const page = await browser.newPage();
  let bytes = 0;
  let requests = 0;
  let kinds: Record<string, number> = {};
  // Bodies arrive asynchronously: a phase is totalled only once every body it asked for is counted.
  let pending: Array<Promise<void>> = [];
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          const served = servedBytes(response.url(), body);
          bytes += served;
          const kind = kindOf(response.url());
          kinds[kind] = (kinds[kind] ?? 0) + served;
          requests++;
        })
        .catch(() => undefined),
    );
  });
  const totals = async () => {
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const result = { bytes, requests, kinds };
    bytes = 0;
    requests = 0;
    kinds = {};
    pending = [];
    return result;
  };
  // Results on screen: the status names the query and the first results are listed (or none were found).
  // The facet counts follow the results and are not waited for.
  const onScreen = (query: string) =>
    page.waitForFunction((q) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      if (!status.includes(q)) return false;
      return /未找到|没有出现/.test(status) || document.querySelector('#search-results .result') !== null;
    }, query);
  // First query: everything from opening the search page with it, as a reader arriving from a link would.
  const navigationStart = performance.now();
  await page.goto(new URL(`/search/?q=${encodeURIComponent(values.first)}`, url).href);
  await onScreen(values.first);
  const firstMs = performance.now() - navigationStart;
  // The reader reads the results before typing the next query.
  await page.waitForTimeout(pauseMs);
  phases.push({ name: `first query, page and index loaded with it (${values.first})`, ...(await totals()), ms: firstMs });
  // Second query: typed into the loaded page.
  const started = await page.evaluate(() => performance.now());
  await page.fill('#search-input', values.second);
  await page.press('#search-input', 'Enter');
  await onScreen(values.second);
  const ended = await page.evaluate(() => performance.now());
  phases.push({ name: `second query (${values.second})`, ...(await totals()), ms: ended - started });
} finally {
  await browser.close();
  server.close();
}

const mib = (n: number) => (n / 2 ** 20).toFixed(1);
console.log(`\nbench:search — ${count} documents; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
if (ours) {
  console.log('| index | wall s | peak MiB (process tree) | size MiB |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| Wenyuan (tokens, shards) | ${ours.seconds.toFixed(1)} | ${ours.peakMiB.toFixed(0)} | ${mib(ours.bytes)} |`);
  if (stock) console.log(`| stock Pagefind (zh) | ${stock.seconds.toFixed(1)} | ${stock.peakMiB.toFixed(0)} | ${mib(stock.bytes)} |`);
}
console.log(`\n| browser (second query typed ${pauseMs} ms after the first one's results) | KB transferred | requests | ms to results |`);
console.log('| --- | ---: | ---: | ---: |');
for (const p of phases) console.log(`| ${p.name} | ${(p.bytes / 1024).toFixed(0)} | ${p.requests} | ${p.ms.toFixed(0)} |`);
console.log('\nKB by kind:');
for (const p of phases) {
  const parts = Object.entries(p.kinds).sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${(n / 1024).toFixed(0)}`);
  console.log(`- ${p.name}: ${parts.join(', ')}`);
}
