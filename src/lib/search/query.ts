/**
 * Reads what a researcher types into the search box: space-separated terms
 * are all required (AND); a quoted "…" is one phrase whatever it contains;
 * punctuation splits a term into phrases that are each required.
 */
import { phrasePattern, type PhrasePattern } from './tokens.ts';

/** One phrase to find, with the pattern of tokens it must match. */
export interface Phrase extends PhrasePattern {
  /** The phrase after normalisation, e.g. 人大代表联络站. */
  text: string;
}

/** Splits a query into required phrases; `normalize` maps Traditional to Simplified etc. */
export function parseQuery(query: string, normalize: (text: string) => string): Phrase[] {
  const pieces: string[] = [];
  const quoted = /"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/g;
  for (const match of normalize(query).matchAll(quoted)) {
    const quotedText = match[1] ?? match[2] ?? match[3];
    if (quotedText !== undefined) pieces.push(quotedText.replace(/\s+/g, ''));
    else pieces.push(...match[4]!.split(/[^\p{L}\p{N}]+/u));
  }
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  for (const piece of pieces) {
    const pattern = phrasePattern(piece);
    const text = piece.replace(/[^\p{L}\p{N}]+/gu, '');
    if (pattern.tokens.length === 0 || seen.has(text)) continue;
    seen.add(text);
    phrases.push({ text, ...pattern });
  }
  return phrases;
}

/**
 * Positions of the first token where every token stands at its offset, given
 * each token's positions on one page (`positions[j]` for token j).
 */
export function patternStarts(positions: ReadonlyArray<ReadonlySet<number>>, offsets: readonly number[]): number[] {
  const first = positions[0];
  if (!first) return [];
  const starts: number[] = [];
  for (const start of first) {
    let ok = true;
    for (let j = 1; j < positions.length && ok; j++) ok = positions[j]!.has(start + offsets[j]!);
    if (ok) starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}
