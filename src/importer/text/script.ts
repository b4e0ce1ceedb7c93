/**
 * Is a text Traditional Chinese? Counted per character against opencc's
 * Simplified forms, so a Simplified text quoting one Traditional name is not
 * converted as a whole.
 */
import { traditionalCharacters } from './chars.ts';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** Count of Han characters, and of those that have a different Simplified form. */
export function traditionalShare(text: string): { han: number; traditional: number } {
  return {
    han: text.match(HAN)?.length ?? 0,
    traditional: text.match(traditionalCharacters())?.length ?? 0,
  };
}

/** True when at least 5% (and 5) of the Han characters are Traditional forms. */
export function isTraditional(text: string): boolean {
  const { han, traditional } = traditionalShare(text);
  return traditional >= 5 && traditional >= han * 0.05;
}
