/**
 * The per-input report: what was detected and how, what was removed and why,
 * what is flagged. `formatLine` and `formatSummary` make the readable form;
 * the JSON form is the same object without its `trace`.
 */
import type { CleanStats } from './stages/clean.ts';
import type { Block, Detected, Piece, QualityFlag } from './types.ts';

/** One removed line, block or annotation. */
export interface RemovedEntry {
  text: string;
  rule: string;
  reason: string;
  line: number;
  /** For text moved into front matter: which field(s). */
  field?: string;
}

/** Internal evidence for the accounting test; left out of the JSON report. */
export interface Trace {
  /** The input's text content (see accounting.ts). */
  textContent: string;
  pieces: Piece[];
  /** Body blocks after cleaning and structure, index-aligned with body pieces. */
  blocks: Block[];
  consumed: ReadonlyMap<number, string>;
}

/** The outcome for one input. */
export interface InputReport {
  file: string;
  status: 'imported' | 'would-import' | 'failed';
  /** Why it failed, naming the file and what to do. */
  reason?: string;
  bytes: number;
  sha256?: string;
  encoding?: { name: string; how: string };
  format?: 'html' | 'text' | 'corpus';
  id?: string;
  /** Path relative to the output folder, e.g. 2022/2022-06-23-….md. */
  output?: string;
  metadata?: Record<string, Detected | string>;
  removed: RemovedEntry[];
  flags: QualityFlag[];
  changes?: CleanStats;
  accounting?: { textContent: number; body: number; removed: number; frontMatter: number; markup: number };
  /** The rendered document (dry runs print it). */
  content?: string;
  trace?: Trace;
}

const count = (flags: QualityFlag[], kind: string) => flags.filter((f) => f.kind === kind).length;

/** One line per input: result, id, kind, date, and flag counts. */
export function formatLine(report: InputReport): string {
  if (report.status === 'failed') return `✗ ${report.file}: ${report.reason}`;
  const m = report.metadata ?? {};
  const value = (k: string) => {
    const d = m[k];
    return typeof d === 'object' ? d.value : undefined;
  };
  const flagKinds = [...new Set(report.flags.map((f) => f.kind))].map((k) => `${k}×${count(report.flags, k)}`);
  const parts = [
    value('type'),
    value('date') ?? value('date_note') ?? '无日期',
    value('region'),
    `删除${report.removed.length}处`,
    flagKinds.length ? `标记 ${flagKinds.join(' ')}` : '无标记',
  ].filter(Boolean);
  return `${report.status === 'imported' ? '✓' : '○'} ${report.file} → ${report.output} (${report.encoding?.name}; ${parts.join('; ')})`;
}

/** A short table: inputs imported, failed, flagged, and removals by rule. */
export function formatSummary(reports: InputReport[]): string {
  const ok = reports.filter((r) => r.status !== 'failed');
  const failed = reports.length - ok.length;
  const flagged = ok.filter((r) => r.flags.length > 0).length;
  const byRule = new Map<string, number>();
  for (const r of ok) for (const e of r.removed) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
  const byFlag = new Map<string, number>();
  for (const r of ok) for (const f of r.flags) byFlag.set(f.kind, (byFlag.get(f.kind) ?? 0) + 1);
  const rows = [
    ['inputs', String(reports.length)],
    ['imported', String(ok.length)],
    ['failed', String(failed)],
    ['imported with no flag', String(ok.length - flagged)],
    ...[...byFlag].map(([k, n]) => [`flag ${k}`, String(n)]),
    ...[...byRule].sort((a, b) => b[1] - a[1]).map(([k, n]) => [`removed: ${k}`, String(n)]),
  ];
  const width = Math.max(...rows.map(([k]) => k!.length));
  return rows.map(([k, v]) => `  ${k!.padEnd(width)}  ${v}`).join('\n');
}
