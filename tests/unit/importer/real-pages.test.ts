/**
 * The importer on real pages (../shared/real-pages: openings of Chinese
 * government, people's-congress, law-database and news pages, each with what a
 * person says must come out) and on the page-shape fixtures written for this
 * project (tests/fixtures/importer/shapes and shapes-2, same layout; the
 * second set was written without sight of the importer and first scored
 * 293 of 327). The bar: each
 * field right for at least 95 % of the pages that state it, chrome removed and
 * text kept for at least 98 % of the checks, and no wrong title or type left
 * without an `uncertain` flag. `npm run eval:import` prints the misses.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateImport, type ImportEvaluation } from '../../../scripts/eval/import-eval.ts';
import { FIXTURES, REAL_PAGES } from './fixtures.ts';

const FIELD_BAR: Record<string, number> = { title: 0.95, type: 0.95, date: 0.95, doc_number: 0.95, issuer: 0.95, original_script: 0.95, 'chrome removed': 0.98, 'text kept': 0.98, imported: 1, skipped: 1 };

function shortfalls(result: ImportEvaluation): string[] {
  return result.byField
    .filter(({ field, right, total }) => right / total < (FIELD_BAR[field] ?? 0.95))
    .map(({ field, right, total }) => {
      const misses = result.checks.filter((c) => c.field === field && !c.ok).map((c) => `${c.page}: expected ${c.expected}, got ${c.got}`);
      return `${field}: ${right}/${total}\n  ${misses.join('\n  ')}`;
    });
}

describe.each([
  ['real pages (../shared/real-pages)', REAL_PAGES],
  ['page shapes (tests/fixtures/importer/shapes)', join(FIXTURES, 'shapes')],
  ['page shapes, second set (tests/fixtures/importer/shapes-2)', join(FIXTURES, 'shapes-2')],
])('%s', (_name, folder) => {
  const result = evaluateImport(folder, { today: '2026-12-02' });

  it('gets every field right for at least 95 % of the pages that state it, and 98 % of chrome and text checks', () => {
    expect(result.pages).toBeGreaterThan(0);
    expect(shortfalls(result)).toEqual([]);
  });

  it('flags every wrong title or type as uncertain', () => {
    expect(result.unflaggedWrong.map((c) => `${c.page} · ${c.field}: expected ${c.expected}, got ${c.got}`)).toEqual([]);
  });
});
