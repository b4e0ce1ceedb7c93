/**
 * `npm run bench:peers -- --docs N [--keep]`: the stock peer issue 18
 * compares Wenyuan's build with, measured on this machine: the same N
 * corpus documents (as bench:scale makes them) built by stock Hugo
 * (`apt-get install hugo`) and indexed by stock Pagefind (the CLI of the
 * Pagefind version Wenyuan uses, its own Chinese segmentation), each step
 * with wall seconds, CPU seconds and the peak memory of its process tree.
 * Run `npm run bench:scale -- --docs N` in the same session for Wenyuan's
 * side; the two are never run at once.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freshArchive } from './bench/archive.ts';
import { writeHugoSite } from './bench/hugo-site.ts';
import { measure, type Measurement } from './bench/measure.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } } });
const count = Number(values.docs);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--docs must be a positive whole number, got "${values.docs}"`);
  process.exit(2);
}
const hugoVersion = spawnSync('hugo', ['version'], { encoding: 'utf8' });
if (hugoVersion.status !== 0) {
  console.error('bench:peers needs Hugo: apt-get install hugo');
  process.exit(2);
}

const { work, contentDir } = freshArchive(`peers-${count}`, count);
const siteDir = path.join(work, 'hugo');
writeHugoSite(contentDir, siteDir);
const steps: Array<[string, Measurement]> = [];
console.log('— hugo');
steps.push(['hugo', await measure('hugo', ['--quiet', '--source', siteDir, '--destination', path.join(siteDir, 'public')])]);
console.log('— pagefind (stock)');
steps.push(['pagefind', await measure(path.resolve('node_modules/.bin/pagefind'), ['--site', path.join(siteDir, 'public'), '--silent'])]);

const pages = readdirSync(path.join(siteDir, 'public'), { recursive: true }).filter((name) => String(name).endsWith('index.html')).length;
console.log(`\nbench:peers — ${count} documents, stock Hugo ${hugoVersion.stdout.trim().split(' ')[1] ?? ''} + stock Pagefind, ${pages} HTML pages`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log('| step | s | CPU s | peak MiB |');
console.log('| --- | ---: | ---: | ---: |');
for (const [step, m] of steps) console.log(`| ${step} | ${m.seconds.toFixed(1)} | ${m.cpuSeconds?.toFixed(1) ?? '–'} | ${m.peakMiB.toFixed(0)} |`);
const total = steps.reduce((s, [, m]) => s + m.seconds, 0);
const cpu = steps.reduce((s, [, m]) => s + (m.cpuSeconds ?? 0), 0);
console.log(`| whole build | ${total.toFixed(1)} | ${cpu.toFixed(1)} | ${Math.max(...steps.map(([, m]) => m.peakMiB)).toFixed(0)} |`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
if (steps.some(([, m]) => m.exitCode !== 0)) process.exit(1);
