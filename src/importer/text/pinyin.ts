/**
 * Pinyin annotations inserted by web converters: 區(qū), 傳達(dá). An
 * annotation is one tone-marked syllable in parentheses right after a Han
 * character; anything else in parentheses (（试行）, (2023), (qū without its
 * character) is left alone.
 */

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const SYLLABLE = new RegExp(
  `^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouü${TONED}]{1,3})(?:ng|n|r)?$`,
);

/** True for one pinyin syllable carrying a tone mark, e.g. `qiáng`. */
export function isTonedSyllable(text: string): boolean {
  return text.length <= 7 && SYLLABLE.test(text) && [...text].some((c) => TONED.includes(c));
}

/** `(qū)` or `（qū）` right after a Han character. */
const ANNOTATION = new RegExp(`(?<=\\p{Script=Han})[(（]([a-zü${TONED}]{1,7})[)）]`, 'gu');

/** Where the pinyin annotations are: [start, end) offsets into `text`. */
export function findPinyinAnnotations(text: string): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(ANNOTATION)) {
    if (isTonedSyllable(m[1]!)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}
