/**
 * The set of character pairs that occur inside real words of the jieba
 * dictionary, which tells mojibake (random characters) from Chinese prose.
 */
import { jiebaDictionary } from '../../lib/chinese-words.ts';

let pairs: Set<string> | undefined;

/** True when `a` followed by `b` occurs inside some dictionary word (e.g. 人大, 大会). */
export function isWordPair(a: string, b: string): boolean {
  if (!pairs) {
    pairs = new Set();
    const text = new TextDecoder().decode(jiebaDictionary());
    // One pass with indexOf: this set is built from 350,000 words.
    for (let start = 0; start < text.length; ) {
      const space = text.indexOf(' ', start);
      const end = text.indexOf('\n', start);
      const wordEnd = space === -1 || (end !== -1 && space > end) ? (end === -1 ? text.length : end) : space;
      for (let i = start; i + 1 < wordEnd; i++) pairs.add(text.slice(i, i + 2));
      start = end === -1 ? text.length : end + 1;
    }
  }
  return pairs.has(a + b);
}
