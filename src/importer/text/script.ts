/**
 * Is a text Traditional Chinese? Counted per character against opencc's
 * Simplified forms, so a Simplified text quoting one Traditional name is not
 * converted as a whole.
 */
import { isHan, simplifiedChar } from './chars.ts';

/** Share and count of Han characters that have a different Simplified form. */
export function traditionalShare(text: string): { han: number; traditional: number } {
  let han = 0;
  let traditional = 0;
  for (const c of text) {
    if (!isHan(c)) continue;
    han++;
    if (simplifiedChar(c) !== c) traditional++;
  }
  return { han, traditional };
}

/** True when at least 5% (and 5) of the Han characters are Traditional forms. */
export function isTraditional(text: string): boolean {
  const { han, traditional } = traditionalShare(text);
  return traditional >= 5 && traditional >= han * 0.05;
}
