/**
 * `npm run eval:search [-- --corpus subset|full --docs N --seed S --per-kind K]`:
 * builds an archive (default: the 442-document corpus subset plus the seeds in
 * content/), draws queries with a fixed seed (lengths 1, 2, 3, 4, 6, 8,
 * multi-term, strings that occur nowhere, and the Traditional form of each),
 * runs them through the search page's engine in Chromium, and prints recall,
 * precision@10 and precision per group against the ground truth.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyDocuments, importedCorpus, writeArchive } from './bench/archive.ts';
import { drawQueries, runQueries, scoreTable, truthPages } from './eval/search-eval.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'subset' },
    docs: { type: 'string' },
    seed: { type: 'string', default: '20261121' },
    'per-kind': { type: 'string', default: '40' },
  },
});
if (values.corpus !== 'subset' && values.corpus !== 'full') {
  console.error(`--corpus must be subset or full, got "${values.corpus}"`);
  process.exit(2);
}
const corpus = importedCorpus(values.corpus);
const count = values.docs === undefined ? corpus.length : Number(values.docs);
if (!Number.isInteger(count) || count < 0) {
  console.error(`--docs must be a whole number, got "${values.docs}"`);
  process.exit(2);
}

const work = path.resolve('.bench', `eval-${values.corpus}-${count}`);
const contentDir = path.join(work, 'content');
const distDir = path.join(work, 'dist');
writeArchive(contentDir, corpus, count);
const seeds = copyDocuments('content', contentDir);
console.log(`building ${count} corpus documents + ${seeds} seeds …`);
const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
  env: { ...process.env, WENYUAN_CONTENT_DIR: contentDir, WENYUAN_OUT_DIR: distDir, WENYUAN_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);

const pages = truthPages(distDir);
const queries = drawQueries(pages, { seed: Number(values.seed), perKind: Number(values['per-kind']), lengths: [1, 2, 3, 4, 6, 8] });
const started = performance.now();
const outcomes = await runQueries(distDir, queries, pages);
const seconds = (performance.now() - started) / 1000;

console.log(`\neval:search — ${pages.length} documents, ${queries.length} queries (seed ${values.seed}), ${seconds.toFixed(1)} s in Chromium`);
console.log('| queries | n | recall | precision@10 | precision | with a false hit |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const { group, scores } of scoreTable(outcomes)) {
  console.log(`| ${group} | ${scores.queries} | ${scores.recall.toFixed(3)} | ${scores.precisionAt10.toFixed(3)} | ${scores.precision.toFixed(3)} | ${scores.withFalseHits} |`);
}
const nowhere = outcomes.filter((o) => o.query.kind === 'nowhere');
console.log(`strings that occur nowhere: ${nowhere.filter((o) => o.hits.length === 0).length}/${nowhere.length} return nothing; ${nowhere.filter((o) => o.missingReported).length} say so`);
for (const o of outcomes.filter((x) => x.hits.some((h) => !x.truth.has(h)) || [...x.truth].some((t) => !x.hits.includes(t))).slice(0, 10)) {
  console.log(`  mismatch: ${o.query.text} — missed ${[...o.truth].filter((t) => !o.hits.includes(t)).length}, false ${o.hits.filter((h) => !o.truth.has(h)).length}`);
}
