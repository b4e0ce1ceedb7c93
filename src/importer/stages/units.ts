/**
 * The extract stage's intermediate form: the input as a sequence of units in
 * source order, whether it came from HTML or from plain-text lines.
 */
import type { Inline } from '../types.ts';

/** A text line, a table, or something already removed (with why). */
export type Unit =
  | { type: 'line'; inlines: Inline[]; line: number; heading?: number; listItem?: { ordered: boolean } }
  | { type: 'table'; rows: Inline[][][]; line: number }
  | { type: 'removed'; text: string; line: number; rule: string; reason: string };

/** Plain text of a unit's inlines. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => i.text).join('');
}

/** Plain text of a table, cell by cell. */
export function tableText(rows: readonly Inline[][][]): string {
  return rows.map((row) => row.map((cell) => inlineText(cell)).join(' ')).join('\n');
}
