/**
 * `npm run bench:partition -- --docs N --parts P [--keep] [--seed S] [--per-kind K]`:
 * builds an archive of N law-corpus documents once as a single build and
 * once as P partitions plus the hub (README, "Beyond one machine"), one
 * after another on this machine, and prints each step's wall time and peak
 * memory (whole process tree), the single build's, and the wall time on P
 * machines: the graph, then the slowest partition, then the hub.
 *
 * Then it checks the merged site against the single build: every file but
 * the search index byte-identical (so the same pages with the same links),
 * and the eval:search queries (drawn with a fixed seed from the single
 * build's pages) returning the same documents in the same order in both, in
 * Chromium. Exit 1 when anything differs or a build fails.
 *
 * The partitions split the documents by year into P ranges whose largest
 * is as small as whole years allow (undated documents go with the
 * earliest). `--keep` leaves .bench/partition-N/content, single/dist and
 * merged/dist.
 *
 * Last, what a reader downloads for a first and a second query
 * (`--first`, `--second`, typed `--pause` ms apart; scripts/bench/
 * query-bytes.ts) on both sites, without a filter and filtered to the
 * newest partition's first year, where the merged site loads only that
 * partition's shards. `--browser-only` builds nothing: it compares and
 * measures the sites an earlier `--keep` run left.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freshArchive } from './bench/archive.ts';
import { measure, type Measurement } from './bench/measure.ts';
import { measureQueries, printPhases, type QueryPhase } from './bench/query-bytes.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { drawQueries, runQueries, truthPages } from './eval/search-eval.ts';
import { readDocumentFacts } from '../src/data/partition-scope.ts';
import { differingFiles, fileHashes } from '../src/lib/files.ts';
import { yearOf } from '../src/lib/partial-date.ts';
import type { Partition } from '../src/lib/partitions.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    parts: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261121' },
    'per-kind': { type: 'string', default: '10' },
    'browser-only': { type: 'boolean', default: false },
    first: { type: 'string', default: '人民代表大会' },
    second: { type: 'string', default: '行政处罚' },
    pause: { type: 'string', default: '3000' },
  },
});
const count = Number(values.docs);
const parts = Number(values.parts);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--docs must be a positive whole number, got "${values.docs}"`);
  process.exit(2);
}
if (!Number.isInteger(parts) || parts < 1) {
  console.error(`--parts must be a positive whole number, got "${values.parts}"`);
  process.exit(2);
}

/**
 * P year ranges whose largest holds as few documents as contiguous years
 * allow (undated documents join the first): on P machines the slowest
 * partition sets the wall time. Cutting at the years where N/P, 2N/P … fall
 * left a whole busy year (1,383 documents in 2020 at 10,000) on the heavy side.
 */
function yearPartitions(years: readonly (number | undefined)[], p: number): Partition[] {
  const counts = new Map<number, number>();
  for (const year of years) if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  const undated = years.filter((y) => y === undefined).length;
  // prefix[i]: documents in the first i distinct years, the undated counted with the first year.
  const prefix = [0];
  for (const year of distinct) prefix.push((prefix.length === 1 ? undated : prefix.at(-1)!) + counts.get(year)!);
  const parts = Math.min(p, Math.max(1, distinct.length));
  if (parts < p) console.warn(`only ${distinct.length} distinct years: building ${parts} partitions`);
  // best[k][i]: the smallest largest partition when the first i years form k partitions; from[k][i]: where the last begins.
  const Y = distinct.length;
  const best = Array.from({ length: parts + 1 }, () => new Array<number>(Y + 1).fill(Infinity));
  const from = Array.from({ length: parts + 1 }, () => new Array<number>(Y + 1).fill(0));
  best[0]![0] = 0;
  for (let k = 1; k <= parts; k++) {
    for (let i = k; i <= Y; i++) {
      for (let j = k - 1; j < i; j++) {
        const worst = Math.max(best[k - 1]![j]!, prefix[i]! - prefix[j]!);
        if (worst < best[k]![i]!) {
          best[k]![i] = worst;
          from[k]![i] = j;
        }
      }
    }
  }
  const starts: number[] = [];
  for (let k = parts, i = Y; k >= 1; i = from[k]![i]!, k--) starts.unshift(from[k]![i]!);
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : Y;
    const years = { ...(i > 0 ? { from: distinct[start]! } : {}), ...(i + 1 < starts.length ? { to: distinct[end - 1]! } : {}) };
    return { name: `part${i + 1}`, years, ...(i === 0 ? { undated: true } : {}) };
  });
}

const pauseMs = Number(values.pause);
const browserOnly = values['browser-only'];
const work = path.resolve('.bench', `partition-${count}`);
const partitionsFile = path.join(work, 'wenyuan.partitions.json');
const singleDist = path.join(work, 'single', 'dist');
const mergedDist = path.join(work, 'merged', 'dist');
if (browserOnly && ![partitionsFile, singleDist, mergedDist].every((p) => existsSync(p))) {
  console.error(`--browser-only needs an earlier --keep run's ${partitionsFile}, single/dist and merged/dist`);
  process.exit(2);
}
const generated = browserOnly ? undefined : freshArchive(`partition-${count}`, count);
const contentDir = path.join(work, 'content');
const partitions: Partition[] = generated
  ? yearPartitions(readDocumentFacts(contentDir).map((f) => yearOf(f.date)), parts)
  : (JSON.parse(readFileSync(partitionsFile, 'utf8')) as { partitions: Partition[] }).partitions;
if (generated) writeFileSync(partitionsFile, `${JSON.stringify({ partitions }, null, 2)}\n`);
const graphFile = path.join(work, 'graph.json');
// The single build computes its own graph; the partitions and the hub are given the one file (--graph).
const env = { ...process.env, WENYUAN_CONTENT_DIR: contentDir, WENYUAN_PARTITIONS_FILE: partitionsFile, WENYUAN_QUIET: '1', ASTRO_TELEMETRY_DISABLED: '1' };
const steps = new Map<string, Measurement>();

async function step(name: string, args: string[], extra: Record<string, string> = {}): Promise<boolean> {
  console.log(`— ${name}`);
  const m = await measure(process.execPath, args, { env: { ...env, ...extra } });
  steps.set(name, m);
  // Each step's figures as it ends, so a run that stops later still leaves them in its log.
  console.log(`  ${name}: ${m.seconds.toFixed(1)} s wall, ${m.cpuSeconds?.toFixed(1) ?? '–'} s CPU, peak ${m.peakMiB.toFixed(0)} MiB`);
  if (m.exitCode !== 0) console.error(`${name} failed with exit code ${m.exitCode}`);
  return m.exitCode === 0;
}

const partitionDir = (name: string) => path.join(work, 'partitions', name);
let ok = true;
if (!browserOnly) {
ok &&= await step('single build', [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'], { WENYUAN_OUT_DIR: singleDist, WENYUAN_CACHE_DIR: path.join(work, 'single', 'cache') });
ok &&= await step('graph', ['scripts/build-graph.ts', '--out', graphFile], { WENYUAN_CACHE_DIR: path.join(work, 'graph-cache') });
for (const { name } of partitions) {
  ok &&= await step(`partition ${name}`, ['scripts/build-partition.ts', name, '--graph', graphFile, '--out', partitionDir(name), '--cache', path.join(work, `cache-${name}`)]);
}
ok &&= await step('hub', ['scripts/build-hub.ts', '--graph', graphFile, '--out', mergedDist, '--cache', path.join(work, 'cache-hub'), ...partitions.map((p) => partitionDir(p.name))]);
}

// The build figures first: a comparison that fails (or runs out of memory) must not lose them.
const cell = (m: Measurement | undefined) => (m ? `${m.seconds.toFixed(1)} | ${m.peakMiB.toFixed(0)}` : '– | –');
const about = generated ? ` (${(generated.bytes / 2 ** 20).toFixed(1)} MiB Markdown, generated in ${generated.seconds.toFixed(1)} s)` : ' (sites of an earlier --keep run)';
console.log(`\nbench:partition — ${count} documents${about}, ${partitions.length} partitions by year`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; steps run one after another`);
if (browserOnly) console.log('builds: none (--browser-only); the sites compared and measured are those left in ' + work);
else {
  console.log('| step | wall s | peak MiB |');
  console.log('| --- | ---: | ---: |');
  for (const [name, m] of steps) {
    const key = name.startsWith('partition ') ? partitions.find((p) => `partition ${p.name}` === name) : undefined;
    console.log(`| ${name}${key ? ` (${JSON.stringify(key.years ?? 'rest')})` : ''} | ${cell(m)} |`);
  }
  const partitionTimes = partitions.map((p) => steps.get(`partition ${p.name}`)?.seconds ?? NaN);
  const onP = (steps.get('graph')?.seconds ?? NaN) + Math.max(...partitionTimes) + (steps.get('hub')?.seconds ?? NaN);
  const sequential = [...steps].filter(([name]) => name !== 'single build').reduce((s, [, m]) => s + m.seconds, 0);
  console.log(`| on ${partitions.length} machines: graph + slowest partition + hub | ${onP.toFixed(1)} | |`);
  console.log(`| all partition steps on this one machine | ${sequential.toFixed(1)} | |`);
}

let differing: string[] = [];
let compared = 0;
let searchDifferences = 0;
let queries = 0;
let searchError: string | undefined;
if (ok) {
  const withoutIndex = (dir: string) => new Map([...fileHashes(dir)].filter(([file]) => !/^pagefind(-[^/]+)?\//.test(file)));
  const one = withoutIndex(singleDist);
  compared = one.size;
  differing = differingFiles(one, withoutIndex(mergedDist));
  const pages = truthPages(singleDist);
  const drawn = drawQueries(pages, { seed: Number(values.seed), perKind: Number(values['per-kind']), lengths: [1, 2, 3, 4, 6, 8] });
  queries = drawn.length;
  console.log(`— ${queries} eval:search queries on both sites in Chromium`);
  // A failed search is reported with the build figures rather than losing them.
  try {
    const [a, b] = [await runQueries(singleDist, drawn, pages), await runQueries(mergedDist, drawn, pages)];
    const diffs = a.filter((outcome, i) => JSON.stringify(outcome.hits) !== JSON.stringify(b[i]!.hits));
    searchDifferences = diffs.length;
    for (const outcome of diffs.slice(0, 5)) console.log(`  query “${outcome.query.text}” differs`);
  } catch (error) {
    searchError = String(error);
  }
}

// What a reader downloads: the single build, the merged site, and the merged
// site filtered to the newest partition's first year (which loads only its shards).
const phases: QueryPhase[] = [];
const newest = partitions.at(-1)?.years?.from;
if (ok && !searchError) {
  console.log('— first and second query bytes in Chromium');
  const browser = await launchChromium();
  try {
    const plan = { first: values.first, second: values.second, pauseMs };
    const label = (site: string, ps: QueryPhase[]) => ps.map((p) => ({ ...p, name: `${site}: ${p.name}` }));
    phases.push(...label('single build', await measureQueries(browser, singleDist, plan)));
    phases.push(...label('merged', await measureQueries(browser, mergedDist, plan)));
    if (newest !== undefined) {
      const filtered = { ...plan, filters: { year: [String(newest)] } };
      phases.push(...label('single build', await measureQueries(browser, singleDist, filtered)));
      phases.push(...label(`merged (only ${partitions.at(-1)!.name}'s shards fit)`, await measureQueries(browser, mergedDist, filtered)));
    }
  } catch (error) {
    searchError = String(error);
  } finally {
    await browser.close();
  }
}

if (!ok) console.log('not compared: a build failed');
else {
  console.log(`merged site: ${differing.length === 0 ? `identical to the single build (${compared} files besides the search index)` : `${differing.length} file(s) differ, e.g. ${differing.slice(0, 10).join(', ')}`}`);
  if (searchError) console.log(`search failed: ${searchError}`);
  else console.log(`search: ${searchDifferences === 0 ? `all ${queries} queries return the same documents in the same order` : `${searchDifferences} of ${queries} queries differ`}`);
}
if (phases.length > 0) printPhases(phases, pauseMs);
if (!values.keep && !browserOnly) rmSync(work, { recursive: true, force: true });
else for (const name of ['single', 'merged']) rmSync(path.join(work, name, 'cache'), { recursive: true, force: true });
if (!ok || differing.length > 0 || searchDifferences > 0 || searchError) process.exit(1);
