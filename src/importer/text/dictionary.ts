/**
 * The jieba dictionary, loaded once and only when needed: word segmentation
 * for slugs, and the set of character pairs that occur inside real words,
 * which tells mojibake (random characters) from Chinese prose.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

let dictBuffer: Uint8Array | undefined;
function dictionary(): Uint8Array {
  dictBuffer ??= (require('@node-rs/jieba/dict.js') as { dict: Uint8Array }).dict;
  return dictBuffer;
}

let jieba: Jieba | undefined;

/** Segments Chinese text into words (no HMM, so unknown strings stay single characters). */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dictionary());
  return jieba.cut(text, false);
}

let pairs: Set<string> | undefined;

/** True when `a` followed by `b` occurs inside some dictionary word (e.g. 人大, 大会). */
export function isWordPair(a: string, b: string): boolean {
  if (!pairs) {
    pairs = new Set();
    const text = new TextDecoder().decode(dictionary());
    for (const line of text.split('\n')) {
      const word = line.slice(0, line.indexOf(' '));
      const chars = [...word];
      for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
    }
  }
  return pairs.has(a + b);
}
