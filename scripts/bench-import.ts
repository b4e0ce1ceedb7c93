/**
 * `npm run bench:import`: documents per second on the corpus's 442-document
 * subset (../shared/corpus/laws-subset.tar.gz, extracted to a temp folder,
 * never into the repository). The run is a dry run through the real reader
 * (files are read from disk) and an in-memory writer, so it measures the
 * importer, not the disk. The first pass includes one-time loads (opencc and
 * jieba dictionaries); the second shows the steady rate. Target: ≥ 200/s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runImport } from '../src/importer/run.ts';

const archive = resolve(process.argv[2] ?? '../shared/corpus/laws-subset.tar.gz');
const dir = mkdtempSync(join(tmpdir(), 'wenyuan-bench-'));
try {
  execFileSync('tar', ['xzf', archive, '-C', dir]);
  const root = join(dir, 'laws-subset');
  const paths = readFileSync(join(root, 'SUBSET_MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => join(root, line.split('\t')[0]!));
  const io = { read: (path: string) => readFileSync(path), write: () => ({ written: true as const, file: '' }) };
  const options = { overrides: {}, force: false, dryRun: true, today: new Date().toISOString().slice(0, 10) };
  for (const pass of ['first pass (includes dictionary loading)', 'second pass (warm)']) {
    const start = performance.now();
    const reports = runImport(paths, options, io);
    const seconds = (performance.now() - start) / 1000;
    const failed = reports.filter((r) => r.status === 'failed').length;
    console.log(`${pass}: ${reports.length} documents in ${seconds.toFixed(2)} s = ${(reports.length / seconds).toFixed(0)} documents/s (${failed} failed)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
