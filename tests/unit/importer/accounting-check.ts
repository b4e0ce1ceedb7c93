/**
 * The accounting check shared by the seed and corpus tests: every character
 * of an input's text content is in the ledger, and the rendered body says
 * what the body pieces said, up to the clean stage's listed changes.
 * (Definitions: src/importer/accounting.ts.)
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import matter from 'gray-matter';
import { ledgerMismatch, normaliseForAccounting as N } from '../../../src/importer/accounting.ts';
import { toSimplified } from '../../../src/importer/text/chars.ts';
import type { InputReport } from '../../../src/importer/report.ts';

/** Plain text of a Markdown body as a reader sees it (escapes resolved, syntax gone). */
export function plainBody(markdown: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree.children.map((node) => toString(node)).join('\n');
}

/** Folds the equivalences clean is allowed: Traditional→Simplified and half/full-width punctuation. */
function fold(text: string, converted: boolean): string {
  return N((converted ? toSimplified(text) : text).normalize('NFKC'));
}

/** Problems with one report's accounting; empty when everything adds up. */
export function accountingProblems(report: InputReport): string[] {
  const problems: string[] = [];
  const trace = report.trace;
  if (!trace || !report.content || !report.accounting) return ['no trace: the input was not imported'];
  const mismatch = ledgerMismatch(trace);
  if (mismatch) problems.push(mismatch);
  const a = report.accounting;
  if (a.body + a.removed + a.frontMatter + a.markup !== a.textContent) {
    problems.push(`counts do not add up: body ${a.body} + removed ${a.removed} + front matter ${a.frontMatter} + markup ${a.markup} ≠ text content ${a.textContent}`);
  }
  // Body pieces minus the listed inline removals (pinyin) must equal the rendered body, up to fold().
  let bodySource = trace.pieces.filter((p) => p.fate === 'body').map((p) => p.source).join('\n');
  // Clean runs before structure, so a block structure then moved into front matter (a title) or dropped may have had annotations removed too.
  const consumedLines = new Set(trace.blocks.flatMap((b, i) => (trace.consumed.has(i) ? [b.line] : [])));
  const bodyLines = new Set(trace.blocks.flatMap((b, i) => (trace.consumed.has(i) ? [] : [b.line])));
  let at = 0;
  for (const removal of report.removed.filter((r) => r.rule === 'pinyin')) {
    if (consumedLines.has(removal.line) && !bodyLines.has(removal.line)) continue;
    const i = bodySource.indexOf(removal.text, at);
    if (i === -1) {
      if (consumedLines.has(removal.line)) continue;
      problems.push(`removed annotation ${removal.text} (line ${removal.line}) not found in the body source`);
      continue;
    }
    bodySource = bodySource.slice(0, i) + bodySource.slice(i + removal.text.length);
    at = i;
  }
  const body = plainBody(matter(report.content).content);
  const converted = report.flags.some((f) => f.kind === 'converted-script');
  // The body was converted once by clean and fold converts again; opencc is not idempotent (薴 → 苧 → 苎),
  // so the sources get clean's conversion first and then the same fold.
  const expected = fold(converted ? toSimplified(bodySource) : bodySource, converted);
  const actual = fold(body, converted);
  if (expected !== actual) {
    let i = 0;
    while (i < expected.length && expected[i] === actual[i]) i++;
    problems.push(`rendered body differs from its sources at ${i}: sources "${expected.slice(i, i + 20)}", body "${actual.slice(i, i + 20)}"`);
  }
  return problems;
}
