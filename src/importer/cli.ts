/**
 * `npm run import -- [options] <file or folder>...`: parses arguments, finds
 * the input files, runs the batch and prints one line per input, a progress
 * bar (only on a terminal) and a summary. Exit 0: all imported; 1: some
 * failed; 2: bad arguments.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCliArgs, USAGE } from './args.ts';
import { runImport } from './run.ts';
import { formatLine, formatSummary, type InputReport } from './report.ts';
import { writeDocumentFile } from './stages/emit.ts';
import { readExistingDocuments } from './existing.ts';

/** Extensions that are never documents (data files beside a corpus, images, archives). */
const NOT_DOCUMENTS = /\.(sqlite3?|db|tsv|csv|json|png|jpe?g|gif|webp|zip|gz|tgz|tar|pdf|docx?|xlsx?)$/i;

/** Finds the input files in the given files and folders; every file left out is named with the reason. */
function expand(paths: string[]): { files: string[]; skipped: Array<{ path: string; reason: string }> } {
  const files: string[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      // Hidden files and a folder's README are notes about the inputs, not inputs.
      if (entry.name.startsWith('.')) skipped.push({ path, reason: 'hidden file' });
      else if (/^readme(\.|$)/i.test(entry.name)) skipped.push({ path, reason: "the folder's README, not an input" });
      else if (entry.isDirectory()) walk(path);
      else if (NOT_DOCUMENTS.test(entry.name)) skipped.push({ path, reason: 'not a document (database, table, image or archive)' });
      else files.push(path);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // A missing path is reported as that input's failure by the reader.
    }
    if (isDir) walk(path);
    else files.push(path);
  }
  return { files, skipped };
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

function main(argv: string[]): number {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`import: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { files, skipped } = expand(args.inputs);
  if (files.length === 0) {
    process.stderr.write(`import: no input files found in ${args.inputs.join(', ')}\n`);
    return 1;
  }
  const tty = process.stdout.isTTY === true && files.length >= 10;
  // What --out already holds decides which imports are new versions of a rule there.
  const existing = readExistingDocuments(args.out);
  const reports = runImport(
    files,
    {
      overrides: args.overrides,
      force: args.force,
      dryRun: args.dryRun,
      today: new Date().toISOString().slice(0, 10),
      existing: existing.documents,
      ...(args.retrieved ? { retrieved: args.retrieved } : {}),
    },
    {
      read: (path) => readFileSync(path),
      write: (relativePath, content, force) => writeDocumentFile(args.out, relativePath, content, force),
    },
    (report, done) => {
      if (tty) process.stdout.write('\r\x1b[K');
      process.stdout.write(`${formatLine(report)}\n`);
      if (args.dryRun && report.content && files.length <= 10) {
        process.stdout.write(`--- would write ${join(args.out, report.output!)} ---\n${report.content}\n`);
      }
      if (tty) process.stdout.write(progressBar(done, files.length));
    },
  );
  if (tty) process.stdout.write('\r\x1b[K');
  if (args.dryRun && files.length > 10) process.stdout.write('(dry run: documents are not printed for batches over 10 inputs; use --report)\n');
  process.stdout.write(`\n${formatSummary(reports)}\n`);
  for (const { path, reason } of skipped) process.stdout.write(`– ${path}: skipped, ${reason}\n`);
  for (const problem of existing.problems) process.stdout.write(`– ${problem}\n`);
  if (args.report) {
    const json = reports.map(({ trace: _trace, content: _content, ...rest }: InputReport) => ({ ...rest, file: relative(process.cwd(), rest.file) || rest.file }));
    writeFileSync(args.report, `${JSON.stringify({ generated: new Date().toISOString(), dryRun: args.dryRun, out: args.out, inputs: json }, null, 2)}\n`);
    process.stdout.write(`report written to ${args.report}\n`);
  }
  return reports.some((r) => r.status === 'failed') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
