/**
 * Chinese word segmentation with jieba, loaded once and only when needed, and
 * shared by everything that segments: importer slugs and mojibake checks,
 * rule diffs, related documents. Dictionary mode without HMM, so the result
 * is stable and unknown strings stay single characters.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

/** The segmenter and its version: what a remembered segmentation depends on besides the text. */
export const SEGMENTER = `@node-rs/jieba@${(require('@node-rs/jieba/package.json') as { version: string }).version}`;

let dictBuffer: Uint8Array | undefined;

/** The jieba dictionary as shipped by @node-rs/jieba (one word per line: word, frequency, tag). */
export function jiebaDictionary(): Uint8Array {
  dictBuffer ??= (require('@node-rs/jieba/dict.js') as { dict: Uint8Array }).dict;
  return dictBuffer;
}

let jieba: Jieba | undefined;

/** Segments Chinese text into words, e.g. 人大代表联络站 → 人大代表 / 联络站. */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(jiebaDictionary());
  return jieba.cut(text, false);
}
