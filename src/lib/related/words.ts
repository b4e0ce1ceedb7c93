/**
 * Words of a Chinese text for similarity (jieba, dictionary mode without HMM
 * so the result is stable): two or more Han characters, function words and
 * the boilerplate of every policy text dropped. Only the first
 * {@link MAX_CHARACTERS} characters of a long document are read; that keeps
 * the cost of a build linear in the number of documents, not their length.
 */
import { segment } from '../chinese-words.ts';

/** Characters read per document. */
export const MAX_CHARACTERS = 8_000;

const STOP = new Set(
  ('我们 他们 你们 这个 那个 一个 一些 进一步 以及 或者 并且 而且 但是 因为 所以 如果 为了 对于 关于 按照 根据 通过 其中 有关 相关 ' +
    '以上 以下 之一 应当 可以 不得 必须 需要 要求 工作 进行 开展 加强 推进 推动 坚持 做好 全面 重要 不断 积极 充分 认真 切实 ' +
    '提高 建立 健全 完善 实施 落实 规定 本法 本条例 本规定 本办法 第一 第二 第三 同志 方面 问题 情况 有效 依法 各级').split(' '),
);
const HAN_WORD = /^[\u4e00-\u9fff]{2,}$/u;

/** The part of a document's text its words are read from. */
export function wordsHead(text: string): string {
  return text.length > MAX_CHARACTERS ? text.slice(0, MAX_CHARACTERS) : text;
}

/** The words of `text` that carry meaning, in order (repeats kept for term frequency). */
export function contentWords(text: string): string[] {
  return segment(wordsHead(text)).filter((w) => HAN_WORD.test(w) && !STOP.has(w));
}

/** How often each word occurs (what related-document scoring reads of a text). */
export function termCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * Term counts as one compact string, for the build cache: each word followed
 * by its count when that is more than 1, space-separated (法律 条例3). Words
 * are Han characters only, so a trailing number is always the count.
 */
export function encodeTermCounts(counts: ReadonlyMap<string, number>): string {
  const items: string[] = [];
  for (const [word, count] of counts) {
    if (!HAN_WORD.test(word)) throw new Error(`cannot encode the term "${word}": terms are words of two or more Han characters`);
    items.push(count > 1 ? `${word}${count}` : word);
  }
  return items.join(' ');
}

/** The inverse of {@link encodeTermCounts}. */
export function decodeTermCounts(encoded: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (encoded === '') return counts;
  for (const item of encoded.split(' ')) {
    const digits = /[0-9]+$/.exec(item);
    if (digits) counts.set(item.slice(0, digits.index), Number(digits[0]));
    else counts.set(item, 1);
  }
  return counts;
}
