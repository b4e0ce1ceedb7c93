/**
 * The per-input report: what was detected and how, what was removed and why,
 * what is flagged. `formatLine` and `formatSummary` make the readable form;
 * the JSON form is the same object without its `trace`.
 */
import type { CleanStats } from './stages/clean.ts';
import type { Block, Detected, Piece, QualityFlag } from './types.ts';
import { fieldLabel, uncertainFields } from '../lib/field-labels.ts';

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
  /** `skipped`: not a document (a list page); nothing written, and not a failure. */
  status: 'imported' | 'would-import' | 'skipped' | 'failed';
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
  /** What the staff member should know beyond the flags, e.g. an existing version that lacks its `work` (versions.ts). */
  notes?: string[];
  /** The rendered document (dry runs print it). */
  content?: string;
  trace?: Trace;
}

const count = (flags: QualityFlag[], kind: string) => flags.filter((f) => f.kind === kind).length;

/** The fields an input's `uncertain` flags name, as `标题(title)、类型(type)`; empty when there are none. */
const uncertainText = (flags: QualityFlag[]) => uncertainFields(flags).map((f) => `${fieldLabel(f)}(${f})`).join('、');

/** Terminal columns of a label (a Chinese character takes two), so the summary's values line up. */
const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

/** One line per input: result, id, kind, date, flag counts, and the fields to check by hand (需人工核对). */
export function formatLine(report: InputReport): string {
  if (report.status === 'failed') return `✗ ${report.file}: ${report.reason}`;
  if (report.status === 'skipped') return `– ${report.file}: skipped, ${report.reason}`;
  const m = report.metadata ?? {};
  const value = (k: string) => {
    const d = m[k];
    return typeof d === 'object' ? d.value : undefined;
  };
  const flagKinds = [...new Set(report.flags.map((f) => f.kind))].map((k) => `${k}×${count(report.flags, k)}`);
  const uncertain = count(report.flags, 'uncertain') > 0 ? `需人工核对${uncertainText(report.flags) ? `：${uncertainText(report.flags)}` : ''}` : '';
  const parts = [
    value('type'),
    value('date') ?? value('date_note') ?? '无日期',
    value('region'),
    value('work') && `work ${value('work')}`,
    `删除${report.removed.length}处`,
    flagKinds.length ? `标记 ${flagKinds.join(' ')}` : '无标记',
    uncertain,
  ].filter(Boolean);
  const notes = (report.notes ?? []).map((note) => `\n    ↳ ${note}`).join('');
  return `${report.status === 'imported' ? '✓' : '○'} ${report.file} → ${report.output} (${report.encoding?.name}; ${parts.join('; ')})${notes}`;
}

/** A short table: inputs imported, failed, flagged, to check by hand (需人工核对), and removals by rule. */
export function formatSummary(reports: InputReport[]): string {
  const ok = reports.filter((r) => r.status !== 'failed' && r.status !== 'skipped');
  const skipped = reports.filter((r) => r.status === 'skipped').length;
  const failed = reports.length - ok.length - skipped;
  const flagged = ok.filter((r) => r.flags.length > 0).length;
  const toCheck = ok.filter((r) => count(r.flags, 'uncertain') > 0).length;
  const byRule = new Map<string, number>();
  for (const r of ok) for (const e of r.removed) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
  const byFlag = new Map<string, number>();
  for (const r of ok) for (const f of r.flags) byFlag.set(f.kind, (byFlag.get(f.kind) ?? 0) + 1);
  const rows = [
    ['inputs', String(reports.length)],
    ['imported', String(ok.length)],
    ['failed', String(failed)],
    ['skipped (list pages)', String(skipped)],
    ['imported with no flag', String(ok.length - flagged)],
    ['需人工核对 (documents)', String(toCheck)],
    ...[...byFlag].map(([k, n]) => [`flag ${k}`, String(n)]),
    ...[...byRule].sort((a, b) => b[1] - a[1]).map(([k, n]) => [`removed: ${k}`, String(n)]),
  ];
  const width = Math.max(...rows.map(([k]) => columns(k!)));
  return rows.map(([k, v]) => `  ${k!}${' '.repeat(width - columns(k!))}  ${v}`).join('\n');
}
