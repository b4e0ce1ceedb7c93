/**
 * One normal form for indexed text and queries, so Traditional and
 * Simplified, full-width and half-width, upper and lower case all match:
 * full-width letters and digits to ASCII, lower case, then Traditional →
 * Simplified character by character. Punctuation is left as written, since
 * excerpts are decoded from the indexed text.
 * The character table is made from opencc-js (tw → cn) at build time and
 * shipped to the browser with the index.
 */

/** A Traditional → Simplified table as a string of character pairs ("們们國国…"). */
export type PairString = string;

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;

function toHalfWidth(char: string): string {
  return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
}

/** Builds a normaliser from a pair string. */
export function createNormalizer(pairs: PairString): (text: string) => string {
  const table = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!);
  return (text: string) => {
    let out = '';
    for (const char of text.replace(FULL_WIDTH_ALNUM, toHalfWidth).toLowerCase()) out += table.get(char) ?? char;
    return out;
  };
}
