/**
 * `npm run eval:import [-- <folder>]`: imports every page of a folder laid
 * out as ../shared/real-pages (pages/…, expected.json), prints per field how
 * many inputs came out right, and every miss with what was expected and what
 * came out. Exit 0 always when the folder could be read: it measures, it
 * does not judge (the importer's real-pages test judges).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateImport } from './eval/import-eval.ts';

const folder = resolve(process.argv[2] ?? '../shared/real-pages');
if (!existsSync(join(folder, 'expected.json'))) {
  console.error(`eval:import: ${folder} has no expected.json (give a folder laid out as ../shared/real-pages: pages/… and expected.json)`);
  process.exit(2);
}
const started = performance.now();
const result = evaluateImport(folder, { today: new Date().toISOString().slice(0, 10) });
const ms = performance.now() - started;

const pct = (right: number, total: number) => (total === 0 ? '—' : `${((100 * right) / total).toFixed(1)} %`);
console.log(`eval:import — ${result.pages} pages in ${folder} (${ms.toFixed(0)} ms)\n`);
console.log('| field | right | of | share |');
console.log('| --- | ---: | ---: | ---: |');
for (const { field, right, total } of result.byField) console.log(`| ${field} | ${right} | ${total} | ${pct(right, total)} |`);
const right = result.checks.filter((c) => c.ok).length;
console.log(`| all checks | ${right} | ${result.checks.length} | ${pct(right, result.checks.length)} |`);

const misses = result.checks.filter((c) => !c.ok);
if (misses.length > 0) {
  console.log(`\nmisses (${misses.length}):`);
  for (const miss of misses) {
    const flag = miss.flagged === undefined ? '' : miss.flagged ? ' [flagged uncertain]' : ' [NOT flagged]';
    console.log(`- ${miss.page} · ${miss.field}${flag}\n    expected: ${miss.expected}\n    got:      ${miss.got}`);
  }
}
console.log(`\nwrong titles or types not flagged uncertain: ${result.unflaggedWrong.length}`);
