/**
 * `npm run bench:build -- --docs N [--keep]`: builds an archive of N documents
 * imported from the law corpus (../shared/corpus/laws-full.tar.gz, through the
 * real importer, cached in .bench/; past its size the documents repeat with
 * new ids) and prints, for the Astro step and the
 * indexing step apart, wall seconds and peak memory of the process tree.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freshArchive } from './bench/archive.ts';
import { measure, type Measurement } from './bench/measure.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.docs);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--docs must be a positive whole number, got "${values.docs}"`);
  process.exit(2);
}

const { work, contentDir, bytes, seconds: generationSeconds } = freshArchive(`build-${count}`, count);

const env = {
  ...process.env,
  WENYUAN_CONTENT_DIR: contentDir,
  WENYUAN_OUT_DIR: path.join(work, 'dist'),
  WENYUAN_CACHE_DIR: path.join(work, 'cache'),
  ASTRO_TELEMETRY_DISABLED: '1',
};
const steps: Array<[string, Measurement]> = [];
const astro = await measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
  env: { ...env, WENYUAN_SKIP_SEARCH_INDEX: '1' },
});
steps.push(['astro build (pages)', astro]);
if (astro.exitCode === 0) {
  steps.push(['pagefind index', await measure(process.execPath, ['scripts/index-site.ts', env.WENYUAN_OUT_DIR], { env })]);
}

console.log(`\nbench:build — ${count} documents (${(bytes / 2 ** 20).toFixed(1)} MiB Markdown, generated in ${generationSeconds.toFixed(1)} s)`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log('| step | wall s | peak MiB (process tree) | exit |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, m] of steps) console.log(`| ${name} | ${m.seconds.toFixed(1)} | ${m.peakMiB.toFixed(0)} | ${m.exitCode} |`);
const total = steps.reduce((sum, [, m]) => sum + m.seconds, 0);
console.log(`| total | ${total.toFixed(1)} | ${Math.max(...steps.map(([, m]) => m.peakMiB)).toFixed(0)} | |`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
if (steps.some(([, m]) => m.exitCode !== 0)) process.exit(1);
