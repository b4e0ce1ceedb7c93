/**
 * Finds mojibake spans (text decoded with the wrong encoding somewhere
 * upstream) so they are kept verbatim and flagged, never "repaired".
 *
 * Evidence, each with a weight: a `?` or U+FFFD jammed between Chinese
 * characters (2–3), a pinyin fragment with a closing parenthesis but no
 * opening one, as a converter leaves when the `(` was swallowed (3), a
 * character outside GB2312 even after simplification (2), a lone Latin letter
 * stuck to Chinese (1), and runs of characters no dictionary word joins,
 * which is what random characters look like (½ each). Evidence closer than
 * three characters forms a cluster; a cluster scoring 4 with at least one
 * hard sign (`?`, U+FFFD, an orphaned pinyin fragment, a control or
 * private-use character) is a garbled span, from its first sign to its last.
 * Rare characters alone never qualify: names, rivers and fish (镕, 瀍, 鲌)
 * are rare and real.
 */
import { gb2312Level, isHan, simplifiedChar } from './chars.ts';
import { isWordPair } from './dictionary.ts';
import { findPinyinAnnotations, isTonedSyllable } from './pinyin.ts';

/** A garbled span: [start, end) UTF-16 offsets into the text. */
export interface GarbledSpan {
  start: number;
  end: number;
  text: string;
}

const QUESTION_WORDS = /吗|呢|么|什么|怎|如何|为何|何|谁|哪|几|是否|能否|可否|难道|岂|多少|嗎|麼|誰|難道/;
const MIN_SCORE = 4;
const MAX_GAP = 2;

interface Ch {
  c: string;
  at: number;
}

/** A hard sign somewhere in the text: without one there is nothing to find. */
const HARD_SIGN = /[?\ufffd\ue000-\uf8ff\u0080-\u009f]|[a-zü\u00e0-\u01dc]\)/i;

/** Garbled spans in `text`, in order. */
export function findGarbledSpans(text: string): GarbledSpan[] {
  if (!HARD_SIGN.test(text)) return [];
  const annotations = findPinyinAnnotations(text);
  const inAnnotation = new Set<number>();
  for (const a of annotations) for (let i = a.start; i < a.end; i++) inAnnotation.add(i);
  // Code points outside annotations: annotations are transparent to the evidence.
  const chars: Ch[] = [];
  for (let at = 0; at < text.length; ) {
    const c = String.fromCodePoint(text.codePointAt(at)!);
    if (!inAnnotation.has(at)) chars.push({ c, at });
    at += c.length;
  }
  const weight = new Array<number>(chars.length).fill(0);
  const hard = new Array<boolean>(chars.length).fill(false);
  const hanAt = (i: number) => isHan(chars[i]?.c);

  for (let i = 0; i < chars.length; i++) {
    const { c } = chars[i]!;
    if (c === '\ufffd' || /[\ue000-\uf8ff\u0080-\u009f]/.test(c)) {
      weight[i] = 3;
      hard[i] = true;
    } else if (c === '?') {
      if (!hanAt(i - 1) && !hanAt(i + 1)) continue;
      const next = chars[i + 1]?.c;
      const sentence = text.slice(Math.max(0, chars[i]!.at - 20), chars[i]!.at).split(/[。！？；\n]/).pop() ?? '';
      const jammed = next !== undefined && (isHan(next) || /[!?a-zü]/i.test(next));
      weight[i] = jammed && !QUESTION_WORDS.test(sentence) ? 2 : 1;
      hard[i] = weight[i] === 2;
    } else if (isHan(c)) {
      if (gb2312Level(simplifiedChar(c)) === undefined) weight[i] = 2;
    }
  }
  // Latin letters: a pinyin fragment closed by `)` with no `(` is a swallowed annotation.
  for (let i = 0; i < chars.length; i++) {
    if (!/[a-zü\u00e0-\u01dc]/i.test(chars[i]!.c)) continue;
    let j = i;
    while (j < chars.length && /[a-zü\u00e0-\u01dc]/i.test(chars[j]!.c)) j++;
    const word = chars.slice(i, j).map((x) => x.c).join('');
    const touchesHan = hanAt(i - 1) || hanAt(j) || chars[i - 1]?.c === '?' || chars[i - 1]?.c === ')';
    if (chars[j]?.c === ')' && isTonedSyllable(word) && chars[i - 1]?.c !== '(') {
      for (let k = i; k <= j; k++) {
        weight[k] = 3;
        hard[k] = true;
      }
    } else if (touchesHan && word.length === 1) {
      weight[i] = 1;
    }
    i = j - 1;
  }
  // Without one hard sign nothing can qualify; skip the dictionary work.
  if (!hard.some(Boolean)) return [];

  // Runs of Han characters no dictionary word joins: at least three such pairs in a row.
  let runStart = -1;
  const flushRun = (end: number) => {
    if (runStart >= 0 && end - runStart >= 3) {
      for (let k = runStart; k <= end; k++) if (weight[k] === 0) weight[k] = 0.5;
    }
    runStart = -1;
  };
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!.c;
    const b = chars[i + 1]!.c;
    const unlinked = isHan(a) && isHan(b) && !isWordPair(simplifiedChar(a), simplifiedChar(b));
    if (unlinked) {
      if (runStart < 0) runStart = i;
    } else {
      flushRun(i);
    }
  }
  flushRun(chars.length - 1);

  const spans: GarbledSpan[] = [];
  let first = -1;
  let last = -1;
  let score = 0;
  let hasHard = false;
  const close = () => {
    if (first >= 0 && score >= MIN_SCORE && hasHard) {
      const start = chars[first]!.at;
      let end = chars[last]!.at + chars[last]!.c.length;
      // A well-formed annotation right after the span belongs to its last character.
      const following = annotations.find((a) => a.start === end);
      if (following) end = following.end;
      spans.push({ start, end, text: text.slice(start, end) });
    }
    first = -1;
    score = 0;
    hasHard = false;
  };
  for (let i = 0; i < chars.length; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    if (first >= 0 && i - last - 1 > MAX_GAP) close();
    if (first < 0) first = i;
    last = i;
    score += w;
    hasHard ||= hard[i]!;
  }
  close();
  return spans;
}
