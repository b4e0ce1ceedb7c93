/**
 * `npm run bench:scale -- --docs N [--change K] [--keep]`: the whole build of
 * an archive of N documents made from the law corpus (real text through the
 * real importer; past the corpus size documents repeat with new ids), cold,
 * step by step, with wall seconds, CPU seconds and peak memory of each
 * step's whole process tree:
 *
 *   graph    citations, entities, related documents (scripts/build-graph.ts)
 *   content  Astro's content layer: read, validate, render Markdown (astro sync)
 *   pages    every page, and the Pagefind shards indexed while the pages
 *            render, as `npm run build` does (astro build)
 *
 * With `--index-after` the pages step leaves the index out and a fourth step
 * builds it from the finished site, as builds did before issue 18:
 *
 *   index    the Pagefind shards (scripts/index-site.ts)
 *
 * With `--change K` it then edits K documents (a paragraph added to each),
 * rebuilds with the same caches and output folder as a staff member's next
 * build would, and checks the result against a cold build of the edited
 * content: every file byte-identical, or the benchmark fails and names the
 * files that differ, and says how many keyed pages Astro's incremental
 * build rendered rather than restored (src/data/page-keys.ts).
 *
 * With `--profile` every step's Node threads run under V8's CPU profiler
 * (`--cpu-prof`, profiles kept in .bench/scale-N/profile/<step>/) and the
 * benchmark prints where each step's CPU went: by package, by our own file
 * and by our own function, with milliseconds per document
 * (scripts/bench/cpu-profile.ts). Profiling slows a build; take timings
 * from a run without it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freshArchive } from './bench/archive.ts';
import { measure, type Measurement } from './bench/measure.ts';
import { describeProfile, summariseProfiles } from './bench/cpu-profile.ts';
import { differingFiles, fileHashes, markdownFiles } from '../src/lib/files.ts';
import { keyedPages } from '../src/lib/incremental-pages.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    change: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'index-after': { type: 'boolean', default: false },
  },
});
const count = Number(values.docs);
const changes = Number(values.change);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--docs must be a positive whole number, got "${values.docs}"`);
  process.exit(2);
}
if (!Number.isInteger(changes) || changes < 0 || changes > count) {
  console.error(`--change must be a whole number from 0 to --docs, got "${values.change}"`);
  process.exit(2);
}

const ALL_STEPS = ['graph', 'content', 'pages', 'index'] as const;
type Step = (typeof ALL_STEPS)[number];
const indexAfter = values['index-after'];
const STEPS: readonly Step[] = indexAfter ? ALL_STEPS : ALL_STEPS.filter((step) => step !== 'index');
interface Build {
  steps: Map<Step, Measurement>;
  /** Documents the content layer rendered. */
  rendered: number;
  /** Keyed pages Astro rendered rather than restored from its incremental cache, of all keyed pages. */
  pages: { rendered: number; all: number };
}

const { work, contentDir, bytes, seconds: generationSeconds } = freshArchive(`scale-${count}`, count);

/** Where the CPU profiles of a build's step go (with --profile). */
const profileDir = (name: string, step: Step) => path.join(work, 'profile', name, step);

/** Runs the four steps into `name/dist` with the cache `name/cache` (or another build's). */
async function build(name: string, cacheOf = name): Promise<Build> {
  const outDir = path.join(work, name, 'dist');
  const renderLog = path.join(work, name, 'rendered.txt');
  rmSync(renderLog, { force: true });
  const indexLog = path.join(work, name, 'index.txt');
  rmSync(indexLog, { force: true });
  const env = {
    ...process.env,
    WENYUAN_CONTENT_DIR: contentDir,
    WENYUAN_OUT_DIR: outDir,
    WENYUAN_CACHE_DIR: path.join(work, cacheOf, 'cache'),
    WENYUAN_RENDER_LOG: renderLog,
    WENYUAN_INDEX_LOG: indexLog,
    ...(indexAfter ? { WENYUAN_SKIP_SEARCH_INDEX: '1' } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const astro = (command: string) => [path.resolve('node_modules/astro/bin/astro.mjs'), command, '--silent'];
  const commands: Record<Step, string[]> = {
    graph: ['scripts/build-graph.ts'],
    content: astro('sync'),
    pages: astro('build'),
    index: ['scripts/index-site.ts', outDir],
  };
  const steps = new Map<Step, Measurement>();
  const started = Date.now();
  for (const step of STEPS) {
    console.log(`— ${name}: ${step}`);
    const profiling = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir(name, step)}`] : [];
    const m = await measure(process.execPath, [...profiling, ...commands[step]], { env });
    steps.set(step, m);
    if (m.exitCode !== 0) {
      console.error(`${name}: step ${step} failed with exit code ${m.exitCode}`);
      break;
    }
  }
  if (existsSync(indexLog)) console.log(`${name}: ${readFileSync(indexLog, 'utf8').trim()}`);
  const rendered = existsSync(renderLog) ? new Set(readFileSync(renderLog, 'utf8').split('\n').filter(Boolean)).size : 0;
  const pages = keyedPages(env.WENYUAN_CACHE_DIR, started);
  return { steps, rendered, pages: { rendered: pages.rendered.length, all: pages.all } };
}

/** Adds a paragraph to `k` documents spread evenly over the archive; returns their files. */
function editDocuments(k: number): string[] {
  const files = markdownFiles(contentDir);
  const chosen = Array.from({ length: k }, (_, i) => files[Math.floor(((i + 0.5) * files.length) / k)]!);
  for (const [i, file] of chosen.entries()) {
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n本段为基准测试所加的第${i + 1}处修改，检验增量构建。\n`);
  }
  return chosen;
}

const cold = await build('cold');
let rebuild: Build | undefined;
let reference: Build | undefined;
let differing: string[] | undefined;
let compared = 0;
const failed = (b: Build | undefined) => !b || STEPS.some((step) => b.steps.get(step)?.exitCode !== 0);
if (changes > 0 && !failed(cold)) {
  const edited = editDocuments(changes);
  console.log(`edited ${edited.length} document(s): ${edited.map((f) => path.relative(contentDir, f)).slice(0, 5).join(', ')}`);
  rebuild = await build('cold', 'cold');
  reference = await build('reference');
  if (!failed(rebuild) && !failed(reference)) {
    const expected = fileHashes(path.join(work, 'reference', 'dist'));
    compared = expected.size;
    differing = differingFiles(fileHashes(path.join(work, 'cold', 'dist')), expected);
  }
}

const label = (step: Step) => (step === 'pages' && !indexAfter ? 'pages + index' : step);
const cell = (m: Measurement | undefined) => (m ? `${m.seconds.toFixed(1)} | ${m.cpuSeconds?.toFixed(1) ?? '–'} | ${m.peakMiB.toFixed(0)}` : '– | – | –');
const total = (b: Build | undefined): Measurement | undefined => {
  if (!b) return undefined;
  const list = [...b.steps.values()];
  return {
    seconds: list.reduce((s, m) => s + m.seconds, 0),
    cpuSeconds: list.reduce((s, m) => s + (m.cpuSeconds ?? 0), 0),
    peakMiB: Math.max(...list.map((m) => m.peakMiB)),
    exitCode: list.every((m) => m.exitCode === 0) ? 0 : 1,
  };
};
console.log(`\nbench:scale — ${count} documents (${(bytes / 2 ** 20).toFixed(1)} MiB Markdown, generated in ${generationSeconds.toFixed(1)} s)`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
if (changes > 0) {
  console.log('| step | cold s | cold CPU s | cold peak MiB | after editing ' + changes + ' document(s): rebuild s | rebuild CPU s | rebuild peak MiB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const step of STEPS) console.log(`| ${label(step)} | ${cell(cold.steps.get(step))} | ${cell(rebuild?.steps.get(step))} |`);
  console.log(`| whole build | ${cell(total(cold))} | ${cell(total(rebuild))} |`);
  console.log(`documents rendered: cold ${cold.rendered}, rebuild ${rebuild?.rendered ?? '–'}`);
  console.log(`keyed pages rendered (the others restored): cold ${cold.pages.rendered} of ${cold.pages.all}, rebuild ${rebuild ? `${rebuild.pages.rendered} of ${rebuild.pages.all}` : '–'}`);
  if (differing === undefined) console.log('rebuild not compared: a build failed');
  else if (differing.length === 0) console.log(`rebuild output: identical to a cold build of the edited content (${compared} files)`);
  else console.log(`rebuild output: ${differing.length} file(s) differ from a cold build of the edited content, e.g. ${differing.slice(0, 10).join(', ')}`);
} else {
  console.log('| step | cold s | cold CPU s | cold peak MiB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const step of STEPS) console.log(`| ${label(step)} | ${cell(cold.steps.get(step))} |`);
  console.log(`| whole build | ${cell(total(cold))} |`);
}
if (values.profile) {
  console.log('\nWhere the cold build\'s CPU went (V8 CPU profiles of every Node thread, self time):\n');
  for (const step of STEPS) {
    if (!existsSync(profileDir('cold', step))) continue;
    console.log(describeProfile(step, summariseProfiles(profileDir('cold', step), process.cwd()), cold.steps.get(step)?.cpuSeconds, count));
    console.log('');
  }
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
if (failed(cold) || (changes > 0 && (failed(rebuild) || failed(reference) || (differing?.length ?? 1) > 0))) process.exit(1);
