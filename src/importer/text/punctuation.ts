/**
 * Half-width punctuation typed between Chinese characters (精神,对于 / 指出:“…)
 * becomes full-width, as Chinese typesetting has it. Only where both sides are
 * Chinese context (or the line ends), so `3.5%, 2:1` and URLs keep theirs.
 */
import { isCjkContext, isHan } from './chars.ts';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/**
 * Normalises punctuation in `text`. `before`/`after` are the characters just
 * outside it (neighbouring inlines), for context at its edges.
 */
export function normalisePunctuation(text: string, before?: string, after?: string): { text: string; changes: number } {
  let changes = 0;
  if (!/[,:;!?()]/.test(text)) return { text, changes };
  const chars = [...text];
  const out = chars.map((c, i) => {
    const full = FULL[c];
    if (!full) return c;
    const prev = i > 0 ? chars[i - 1] : before;
    const next = i + 1 < chars.length ? chars[i + 1] : after;
    let convert: boolean;
    if (c === '(') convert = isHan(next) && (prev === undefined || isCjkContext(prev) || prev === ' ');
    else if (c === ')') convert = isHan(prev) && (next === undefined || isCjkContext(next) || /[\s,.;:!?]/.test(next));
    else convert = isCjkContext(prev) && (next === undefined || isCjkContext(next) || (c !== '!' && c !== '?' && /\d/.test(next)));
    if (!convert) return c;
    changes++;
    return full;
  });
  return { text: out.join(''), changes };
}
