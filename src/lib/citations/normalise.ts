/**
 * Title normalisation for comparing citations with archive titles: Traditional
 * to Simplified (opencc-js, tw → cn), full-width forms folded (NFKC: （）→ ()),
 * and whitespace and line breaks removed, since a title can be broken across
 * lines or spaced out in a web copy (《海淀区人民代表大会 关于议案的规定》).
 */
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;
const cache = new Map<string, string>();

/** Traditional (Taiwan standard) → Simplified (mainland), phrase-aware: 《中華人民共和國憲法》 → 《中华人民共和国宪法》. */
export function toSimplified(text: string): string {
  let simplified = cache.get(text);
  if (simplified === undefined) {
    converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
    simplified = converter(text);
    if (cache.size > 50_000) cache.clear();
    cache.set(text, simplified);
  }
  return simplified;
}

const SPACE = /[\s\u3000\u200b\u200c\u200d\ufeff]+/g;

/** The title as written, without spaces or line breaks, in Simplified characters: for display. */
export function displayTitle(title: string): string {
  return toSimplified(title.replace(SPACE, ''));
}

/**
 * The comparison key of a title: Simplified, NFKC-folded, no spaces, no
 * title marks, quotes unified. 《中华人民共和国宪法》 and 中華人民共和國 憲法 share one key.
 */
export function titleKey(title: string): string {
  return toSimplified(title.normalize('NFKC'))
    .replace(SPACE, '')
    .replace(/[《》〈〉<>]/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/[‘’'']/g, "'")
    .replace(/[—–－-]+/g, '-')
    .replace(/[·•・]/g, '·');
}
