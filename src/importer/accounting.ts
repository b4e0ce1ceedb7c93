/**
 * "Nothing lost", made checkable.
 *
 * Text content of an input: for HTML, the concatenated value of every text
 * node of the parsed document (character references decoded; the text of
 * <script>, <style>, <title> and all other elements included; comments and
 * tags excluded); for plain text and corpus Markdown, the decoded text itself
 * (so Markdown syntax such as `##` is part of it). Decoding strips a byte
 * order mark and turns CRLF into LF.
 *
 * Normalised form N(s): s with every whitespace character removed (Unicode
 * White_Space, including NBSP and U+3000, plus zero-width spaces and BOM,
 * plus the literal text `&nbsp;` that badly converted copies carry and the
 * clean stage reads as a space). Whitespace is layout; every other character
 * counts.
 *
 * The ledger (Piece[]) holds every piece of the text content in source order
 * with its fate: body, removed (with rule and reason), front matter (with
 * field) or markup. Invariant: N(concat of piece sources) = N(text content).
 * The clean stage then changes body text only by removing pinyin annotations
 * (each listed in the report), converting script (opencc) and widening
 * punctuation; the accounting test checks that too, on the rendered body.
 */
import type { Trace } from './report.ts';

const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]|&nbsp;?/gi;

/** N(s): the text without whitespace. */
export function normaliseForAccounting(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** Characters (after N) per fate, for the report. */
export function accountFor(trace: Trace): { textContent: number; body: number; removed: number; frontMatter: number; markup: number } {
  const sum = (fate: string) =>
    trace.pieces.filter((p) => p.fate === fate).reduce((n, p) => n + normaliseForAccounting(p.source).length, 0);
  return {
    textContent: normaliseForAccounting(trace.textContent).length,
    body: sum('body'),
    removed: sum('removed'),
    frontMatter: sum('front-matter'),
    markup: sum('markup'),
  };
}

/**
 * Checks the ledger invariant; returns undefined when it holds, else where the
 * two texts first differ (offset in N(text content)) with some context.
 */
export function ledgerMismatch(trace: Trace): string | undefined {
  const expected = normaliseForAccounting(trace.textContent);
  const actual = normaliseForAccounting(trace.pieces.map((p) => p.source).join(''));
  if (expected === actual) return undefined;
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return `ledger differs from the text content at character ${i}: expected "${expected.slice(i, i + 20)}", ledger has "${actual.slice(i, i + 20)}"`;
}
