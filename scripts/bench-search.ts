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
import { freshArchive } from './bench/archive.ts';
import { measure } from './bench/measure.ts';
import { measureQueries, printPhases, type QueryPhase } from './bench/query-bytes.ts';
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

const browser = await launchChromium();
let phases: QueryPhase[];
try {
  phases = await measureQueries(browser, distDir, { first: values.first, second: values.second, pauseMs });
} finally {
  await browser.close();
}

const mib = (n: number) => (n / 2 ** 20).toFixed(1);
console.log(`\nbench:search — ${count} documents; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
if (ours) {
  console.log('| index | wall s | peak MiB (process tree) | size MiB |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| Wenyuan (tokens, shards) | ${ours.seconds.toFixed(1)} | ${ours.peakMiB.toFixed(0)} | ${mib(ours.bytes)} |`);
  if (stock) console.log(`| stock Pagefind (zh) | ${stock.seconds.toFixed(1)} | ${stock.peakMiB.toFixed(0)} | ${mib(stock.bytes)} |`);
}
printPhases(phases, pauseMs);
