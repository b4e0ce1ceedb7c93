/**
 * Orchestrates the stages for each input. Pure except through the injected
 * reader and writer, so tests run whole batches in memory. One input's
 * failure is recorded in its report and the batch goes on.
 */
import { createHash } from 'node:crypto';
import type { Overrides } from './meta.ts';
import { batchDocument, describeUpdate, planVersions, type ExistingDocument, type ExistingUpdate, type VersionFields } from './versions.ts';
import { setFrontMatterFields } from '../lib/front-matter-edit.ts';
import type { InputReport, RemovedEntry } from './report.ts';
import type { Piece } from './types.ts';
import { decode } from './stages/decode.ts';
import { extract, type Extracted } from './stages/extract.ts';
import { extractCorpus, isCorpusMarkdown, corpusVersionKey } from './stages/corpus.ts';
import { clean } from './stages/clean.ts';
import { structure } from './stages/structure.ts';
import { renderDocument, type WriteResult } from './stages/emit.ts';
import { accountFor, ledgerMismatch } from './accounting.ts';
import { listPageReason } from './detect/list-page.ts';

/** Options of a run. */
export interface RunOptions {
  overrides: Overrides;
  force: boolean;
  dryRun: boolean;
  /** When the copies were taken (source.retrieved), if known. */
  retrieved?: string;
  /** Today as YYYY-MM-DD, for "not yet in force"; injected to keep runs reproducible. */
  today: string;
  /** The documents already in the output folder, for versions of one rule (existing.ts reads them). */
  existing?: readonly ExistingDocument[];
}

/** The file system as run.ts sees it. */
export interface RunIo {
  read(path: string): Uint8Array;
  /** Writes a document at a path relative to the output folder. */
  write(relativePath: string, content: string, force: boolean): WriteResult;
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Imports one input up to the rendered document; writes nothing. Never throws: a failure is the report's reason. */
export function importOne(path: string, bytes: Uint8Array, options: RunOptions, newerVersion?: (key: string, date: string | undefined) => string | undefined, version?: VersionFields): InputReport {
  try {
    return importUnguarded(path, bytes, options, newerVersion, version);
  } catch (error) {
    // A parser's own limits (a page nested thousands of elements deep overflows the stack) fail this input only.
    const message = error instanceof RangeError ? `the page is too deeply nested to read (${error.message})` : (error as Error).message;
    return { file: path, status: 'failed', bytes: bytes.length, removed: [], flags: [], reason: `${path}: ${message}` };
  }
}

function importUnguarded(path: string, bytes: Uint8Array, options: RunOptions, newerVersion?: (key: string, date: string | undefined) => string | undefined, version?: VersionFields): InputReport {
  const report: InputReport = { file: path, status: 'failed', bytes: bytes.length, removed: [], flags: [] };
  report.sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decode(bytes);
  if (!decoded.ok) return { ...report, reason: `${path}: ${decoded.reason}` };
  report.encoding = { name: decoded.encoding, how: decoded.how };
  const name = fileName(path);

  let extracted: Extracted;
  let preset = {};
  if (isCorpusMarkdown(decoded.text)) {
    const corpus = extractCorpus(decoded.text, name, { today: options.today, newerVersion });
    extracted = corpus.extracted;
    preset = corpus.preset;
    report.format = 'corpus';
  } else {
    extracted = extract(decoded.text);
    report.format = extracted.format;
  }
  const cleaned = clean(extracted.blocks);
  const hasBody = cleaned.blocks.some((b) => b.rows || b.inlines.some((i) => i.text.trim() !== ''));
  report.removed = removedEntries(extracted.pieces);
  // A corpus file may be only a title and its history (a law whose text was never filled in); that is still a document.
  if (!hasBody && report.format !== 'corpus') {
    const what = extracted.textContent.trim() === '' ? 'no text content (nothing between the tags)' : `nothing left after removing ${report.removed.length} boilerplate line(s): ${[...new Set(report.removed.map((r) => r.reason))].join('、')}`;
    return { ...report, reason: `${path}: ${what}` };
  }
  const list = report.format === 'corpus' ? undefined : listPageReason(cleaned.blocks, extracted.links);
  if (list) return { ...report, status: 'skipped', reason: list };
  const context = extracted.pieces.filter((p) => p.fate === 'removed' && (p.rule === 'breadcrumb' || p.rule === 'site-header')).map((p) => p.source);
  const structured = structure({
    blocks: cleaned.blocks,
    metadata: extracted.metadata,
    context,
    ...(extracted.htmlTitle ? { htmlTitle: extracted.htmlTitle } : {}),
    ...(extracted.declared ? { declared: extracted.declared } : {}),
    fileName: name,
    script: cleaned.script,
    overrides: options.overrides,
    preset,
  });
  if (!hasBody) structured.flags.push({ kind: 'other', note: '原文只有标题和沿革，没有正文' });
  if (version) Object.assign(structured.meta, version);
  const pieces: Piece[] = extracted.pieces.map((p) => {
    if (p.fate !== 'body' || p.block === undefined) return p;
    const field = structured.consumed.get(p.block);
    if (field) return { ...p, fate: 'front-matter', rule: 'front-matter', reason: `移入前言（${field}）`, field };
    const dropped = structured.dropped.get(p.block);
    return dropped ? { ...p, fate: 'removed', rule: dropped.rule, reason: dropped.reason } : p;
  });
  // Blocks the body does not render: those moved into front matter and those dropped as chrome.
  const notRendered = new Map([...structured.consumed, ...[...structured.dropped.keys()].map((k) => [k, 'removed'] as const)]);
  report.removed = [
    ...removedEntries(pieces),
    ...cleaned.removals.map((r) => ({ text: r.text, rule: r.rule, reason: r.reason, line: r.line })),
  ].sort((a, b) => a.line - b.line);
  report.changes = cleaned.stats;
  const { regionNote, aliases, ...detected } = structured.meta;
  report.metadata = { ...detected, ...(aliases ? { aliases: { value: aliases.value.join('、'), how: aliases.how } } : {}), ...(regionNote ? { regionNote } : {}) };

  const rendered = renderDocument({
    meta: structured.meta,
    blocks: structured.blocks,
    consumed: notRendered,
    flags: structured.flags,
    script: cleaned.script,
    stats: cleaned.stats,
    sha256: report.sha256,
    ...(options.retrieved ? { retrieved: options.retrieved } : {}),
  });
  if (!rendered.ok) return { ...report, reason: `${path}: ${rendered.reason}` };
  const trace = { textContent: extracted.textContent, pieces, blocks: structured.blocks, consumed: notRendered };
  // An importer bug must not lose text quietly: a ledger that does not add up fails the input.
  const mismatch = ledgerMismatch(trace);
  if (mismatch) return { ...report, reason: `${path}: internal accounting error, please report: ${mismatch}` };
  return {
    ...report,
    status: options.dryRun ? 'would-import' : 'imported',
    id: rendered.id,
    output: rendered.path,
    flags: rendered.flags,
    content: rendered.content,
    accounting: accountFor(trace),
    trace,
  };
}

function removedEntries(pieces: Piece[]): RemovedEntry[] {
  return pieces
    .filter((p) => p.fate !== 'body' && p.source.trim() !== '')
    .map((p) => ({ text: p.source.trim(), rule: p.rule ?? p.fate, reason: p.reason ?? p.fate, line: p.line, ...(p.field ? { field: p.field } : {}) }));
}

/** Runs a batch: reads, imports and (unless dry) writes each input; `onProgress` after each. */
export function runImport(paths: readonly string[], options: RunOptions, io: RunIo, onProgress?: (report: InputReport, done: number) => void): InputReport[] {
  // The newest version of each corpus law in this batch, from file names alone (名称(YYYY-MM-DD).md).
  const newest = new Map<string, string>();
  for (const path of paths) {
    const { key, date } = corpusVersionKey(fileName(path));
    if (date && (newest.get(key) ?? '') < date) newest.set(key, date);
  }
  const newerVersion = (key: string, date: string | undefined) => {
    const latest = newest.get(key);
    return latest && date && latest > date ? latest : undefined;
  };
  const attempt = (path: string, version?: VersionFields): InputReport => {
    try {
      return importOne(path, io.read(path), options, newerVersion, version);
    } catch (error) {
      return { file: path, status: 'failed', bytes: 0, removed: [], flags: [], reason: `${path}: ${(error as Error).message}` };
    }
  };
  // Versions of one rule are known only once every input is read (a page may revise one that comes after it),
  // so the inputs that turn out to be versions are imported again with their work.
  const first = paths.map((path) => attempt(path));
  const plan = planVersions(first.map(batchDocument), options.existing ?? []);
  const written = new Map<string, string>();
  const reports: InputReport[] = [];
  for (const [i, path] of paths.entries()) {
    const version = plan.fields.get(i);
    let report = version ? attempt(path, version) : first[i]!;
    if (report.status !== 'failed' && report.output) {
      const owner = written.get(report.output);
      if (owner) {
        report = { ...report, status: 'failed', reason: `${path}: its id ${report.id} is already taken by ${owner} in this batch; give one of them another title or date (--date)` };
      } else if (!options.dryRun) {
        const result = io.write(report.output, report.content!, options.force);
        if (!result.written) report = { ...report, status: 'failed', reason: `${path}: ${result.reason}` };
      }
      if (report.status !== 'failed') written.set(report.output!, path);
    }
    const notes = [...(plan.notes.get(i) ?? []), ...(report.status === 'failed' ? [] : plan.updates.filter((u) => u.by === i).map((u) => updateExisting(u, options, io)))];
    if (notes.length > 0) report = { ...report, notes };
    reports.push(report);
    onProgress?.(report, reports.length);
  }
  return reports;
}

/** Gives an existing version the work (and status) it lacks: only with --force; else the report says what to add. */
function updateExisting(update: ExistingUpdate, options: RunOptions, io: RunIo): string {
  if (!options.force) return describeUpdate(update, 'advise');
  if (options.dryRun) return describeUpdate(update, 'would');
  try {
    const source = new TextDecoder().decode(io.read(update.file));
    const result = io.write(update.relative, setFrontMatterFields(source, update.fields), true);
    return result.written ? describeUpdate(update, 'done') : `${update.file}: ${result.reason}`;
  } catch (error) {
    return `${update.file}: not updated: ${(error as Error).message}`;
  }
}
