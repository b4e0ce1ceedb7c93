/**
 * The importer evaluation: imports every page of a folder laid out as
 * ../shared/real-pages is (pages/…, expected.json) and scores what came out
 * against what a person says it must be, per field. Used by
 * `npm run eval:import` and by the importer's real-pages test.
 *
 * expected.json, per page file: `fm_equals` (front-matter values; `date` may
 * be a list of defensible dates), `fm_contains` (a substring the field must
 * contain), `body_absent` (chrome that must not survive), `body_present`
 * (text that must survive), or `skip` for a page that is not a document
 * (its reason, e.g. `list page`). Full- and half-width punctuation compare equal and
 * whitespace is ignored, as the set's README asks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { importOne } from '../../src/importer/run.ts';
import type { InputReport } from '../../src/importer/report.ts';

/** What a person says must come out of one page. */
export interface PageExpectation {
  fm_equals?: Record<string, string | string[]>;
  fm_contains?: Record<string, string>;
  body_absent?: string[];
  body_present?: string[];
  /** The page is not a document: the importer must skip it with this reason (e.g. `list page`). */
  skip?: string;
}

/** One check: a field, a chrome string, a kept string, or the import itself. */
export interface Check {
  page: string;
  /** title, type, date, doc_number, issuer, original_script, imported, chrome removed, text kept. */
  field: string;
  ok: boolean;
  expected: string;
  got: string;
  /** Whether the importer flagged this field `uncertain` (titles and types). */
  flagged?: boolean;
}

/** Per-field counts and every miss. */
export interface ImportEvaluation {
  pages: number;
  checks: Check[];
  byField: Array<{ field: string; right: number; total: number }>;
  /** Wrong titles and types the importer did not flag as uncertain. */
  unflaggedWrong: Check[];
}

/** Full-width forms (：，（）！ and the ideographic space) as their half-width twins, whitespace gone. */
export function comparable(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, '');
}

/** The Markdown body as plain text: backslash escapes, heading marks and emphasis markers dropped. */
export function plainBody(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*|__/g, '');
}

const FIELD_ORDER = ['imported', 'skipped', 'title', 'type', 'date', 'doc_number', 'issuer', 'original_script', 'chrome removed', 'text kept'];

function uncertainFields(data: Record<string, any>): Set<string> {
  const flags: Array<{ kind: string; field?: string }> = data.quality?.flags ?? [];
  return new Set(flags.filter((f) => f.kind === 'uncertain').map((f) => f.field ?? ''));
}

/** Scores one page's import against its expectation. */
export function scorePage(page: string, report: InputReport, expected: PageExpectation): Check[] {
  const checks: Check[] = [];
  if (expected.skip !== undefined) {
    const ok = report.status === 'skipped' && (report.reason ?? '').includes(expected.skip);
    return [{ page, field: 'skipped', ok, expected: `skipped: ${expected.skip}`, got: report.status === 'skipped' ? `skipped: ${report.reason}` : report.status }];
  }
  const imported = report.status !== 'failed' && report.status !== 'skipped' && report.content !== undefined;
  checks.push({ page, field: 'imported', ok: imported, expected: 'imported', got: imported ? 'imported' : `failed: ${report.reason ?? ''}` });
  const parsed = imported ? matter(report.content!) : { data: {} as Record<string, any>, content: '' };
  const data = parsed.data as Record<string, any>;
  const body = comparable(plainBody(parsed.content));
  const uncertain = uncertainFields(data);
  const value = (field: string) => (data[field] === undefined ? '' : String(data[field] instanceof Date ? data[field].toISOString().slice(0, 10) : data[field]));
  for (const [field, want] of Object.entries(expected.fm_equals ?? {})) {
    const wants = Array.isArray(want) ? want : [want];
    const got = value(field);
    checks.push({ page, field, ok: wants.some((w) => comparable(w) === comparable(got)), expected: wants.join(' or '), got, flagged: uncertain.has(field) });
  }
  for (const [field, want] of Object.entries(expected.fm_contains ?? {})) {
    const got = value(field);
    checks.push({ page, field, ok: got !== '' && comparable(got).includes(comparable(want)), expected: `contains ${want}`, got, flagged: uncertain.has(field) });
  }
  for (const chrome of expected.body_absent ?? []) {
    checks.push({ page, field: 'chrome removed', ok: imported && !body.includes(comparable(chrome)), expected: `no "${chrome}"`, got: imported ? 'still in the body' : 'not imported' });
  }
  for (const text of expected.body_present ?? []) {
    checks.push({ page, field: 'text kept', ok: body.includes(comparable(text)), expected: `"${text}"`, got: imported ? 'missing from the body' : 'not imported' });
  }
  return checks;
}

/** Imports and scores every page named in `<folder>/expected.json`. */
export function evaluateImport(folder: string, options: { today: string }): ImportEvaluation {
  const expectations = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, PageExpectation>;
  const checks: Check[] = [];
  for (const [page, expected] of Object.entries(expectations)) {
    const path = join(folder, page);
    const report = importOne(path, readFileSync(path), { overrides: {}, force: false, dryRun: true, today: options.today });
    checks.push(...scorePage(page, report, expected));
  }
  const fields = [...new Set(checks.map((c) => c.field))].sort((a, b) => {
    const ia = FIELD_ORDER.indexOf(a);
    const ib = FIELD_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const byField = fields.map((field) => {
    const of = checks.filter((c) => c.field === field);
    return { field, right: of.filter((c) => c.ok).length, total: of.length };
  });
  const unflaggedWrong = checks.filter((c) => !c.ok && (c.field === 'title' || c.field === 'type') && !c.flagged);
  return { pages: Object.keys(expectations).length, checks, byField, unflaggedWrong };
}
