/**
 * `npm run count:works [-- --subset]`: imports the whole law corpus
 * (laws-full.tar.gz, unpacked once into .bench/) in one dry-run batch and
 * counts the works with more than one version the importer recognises,
 * with what the site makes of them: a timeline on each version's page and a
 * comparison page per pair of versions. Inconsistent statuses (what
 * `npm run check` would report) are listed; exit 1 if there are any.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runImport } from '../src/importer/run.ts';
import { timeline, versionProblems, type VersionFacts } from '../src/lib/rules/versions.ts';
import { corpusDocuments, unpackCorpus } from './bench/corpus.ts';

const { values } = parseArgs({ options: { subset: { type: 'boolean' } } });
const which = values.subset ? 'subset' : 'full';
const files = corpusDocuments(unpackCorpus(which));
const start = performance.now();
const reports = runImport(files, { overrides: {}, force: false, dryRun: true, today: new Date().toISOString().slice(0, 10) }, {
  read: (file) => readFileSync(file),
  write: () => ({ written: true, file: '' }),
});
const seconds = (performance.now() - start) / 1000;

const works = new Map<string, VersionFacts[]>();
for (const r of reports) {
  const value = (key: string) => {
    const d = r.metadata?.[key];
    return typeof d === 'object' ? d.value : undefined;
  };
  const work = value('work');
  if (r.status === 'failed' || !work || !r.id) continue;
  const facts: VersionFacts = { id: r.id, title: value('title') ?? '', date: value('date'), adopted: value('adopted'), effective: value('effective'), status: value('status') as VersionFacts['status'] };
  works.set(work, [...(works.get(work) ?? []), facts]);
}
const multi = [...works].filter(([, versions]) => versions.length > 1);
const versions = multi.reduce((n, [, v]) => n + v.length, 0);
const pairs = multi.reduce((n, [, v]) => n + (v.length * (v.length - 1)) / 2, 0);
const withoutCurrent = multi.filter(([, v]) => !timeline(v).some((e) => e.current)).map(([w]) => w);
const problems = multi.flatMap(([work, v]) => versionProblems(work, v).map((p) => `${work}: ${p.id}: ${p.field}: ${p.message}`));
const notes = reports.flatMap((r) => (r.notes ?? []).map((note) => `${r.file}: ${note}`));

console.log(`${files.length} corpus documents (${which}) imported in ${seconds.toFixed(1)} s, ${reports.filter((r) => r.status === 'failed').length} failed`);
console.log(`works with more than one version: ${multi.length} (${versions} versions; ${pairs} comparison pages; largest: ${Math.max(0, ...multi.map(([, v]) => v.length))} versions)`);
console.log(`works whose timeline has no version in force (all repealed or not yet in force): ${withoutCurrent.length}${withoutCurrent.length ? ` (${withoutCurrent.join(', ')})` : ''}`);
console.log(`version notes from the importer: ${notes.length}`);
for (const note of notes) console.log(`  ${note}`);
console.log(`inconsistent statuses: ${problems.length}`);
for (const problem of problems) console.log(`  ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
