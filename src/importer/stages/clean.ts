/**
 * Stage 3, clean: whitespace, garbled spans, pinyin annotations, script and
 * punctuation, in that order. Garbled spans are found first and then left
 * untouched by every later step, because "repairing" them would invent text
 * and because the pinyin remover must not eat what only looks like an
 * annotation inside mojibake.
 */
import type { Block, Inline, InlineRemoval } from '../types.ts';
import { toSimplified } from '../text/chars.ts';
import { findGarbledSpans } from '../text/garbled.ts';
import { findPinyinAnnotations } from '../text/pinyin.ts';
import { normalisePunctuation } from '../text/punctuation.ts';
import { isTraditional } from '../text/script.ts';

/** What cleaning did, for the report. */
export interface CleanStats {
  pinyinRemoved: number;
  /** Characters changed by Traditional → Simplified conversion. */
  converted: number;
  punctuation: number;
  garbled: number;
}

/** The cleaned body and everything the stage removed. */
export interface Cleaned {
  blocks: Block[];
  /** Text removed inside kept blocks (pinyin annotations), each with its line. */
  removals: InlineRemoval[];
  script: 'zh-Hans' | 'zh-Hant';
  stats: CleanStats;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+|&nbsp;?/gi;

function normaliseWhitespace(inlines: Inline[]): Inline[] {
  const out = inlines.map((i) => ({ ...i, text: i.text.replace(WHITESPACE, ' ') }));
  // Join across inline edges, then trim the block's ends.
  for (let k = 1; k < out.length; k++) {
    if (out[k - 1]!.text.endsWith(' ') && out[k]!.text.startsWith(' ')) out[k] = { ...out[k]!, text: out[k]!.text.slice(1) };
  }
  if (out[0]) out[0] = { ...out[0], text: out[0].text.trimStart() };
  const last = out.length - 1;
  if (out[last]) out[last] = { ...out[last], text: out[last].text.trimEnd() };
  return out.filter((i) => i.text !== '');
}

/** Splits inlines around garbled spans, marking the spans `garbled`. */
function markGarbled(inlines: Inline[], stats: CleanStats): Inline[] {
  return inlines.flatMap((inline) => {
    if (inline.garbled) return [inline];
    const spans = findGarbledSpans(inline.text);
    if (spans.length === 0) return [inline];
    stats.garbled += spans.length;
    const parts: Inline[] = [];
    let at = 0;
    for (const span of spans) {
      if (span.start > at) parts.push({ ...inline, text: inline.text.slice(at, span.start) });
      parts.push({ ...inline, text: span.text, garbled: true });
      at = span.end;
    }
    if (at < inline.text.length) parts.push({ ...inline, text: inline.text.slice(at) });
    return parts;
  });
}

function cleanInlines(inlines: Inline[], line: number, traditional: boolean, stats: CleanStats, removals: InlineRemoval[]): Inline[] {
  const marked = markGarbled(normaliseWhitespace(inlines), stats);
  const stepped = marked.map((inline) => {
    if (inline.garbled) return inline;
    let text = inline.text;
    const annotations = findPinyinAnnotations(text);
    if (annotations.length > 0) {
      for (const a of annotations) removals.push({ text: a.text, rule: 'pinyin', reason: '拼音注音（转换工具插入）', line });
      stats.pinyinRemoved += annotations.length;
      let kept = '';
      let at = 0;
      for (const a of annotations) {
        kept += text.slice(at, a.start);
        at = a.end;
      }
      text = kept + text.slice(at);
    }
    if (traditional) {
      const simplified = toSimplified(text);
      for (let k = 0; k < Math.min(simplified.length, text.length); k++) if (simplified[k] !== text[k]) stats.converted++;
      text = simplified;
    }
    return { ...inline, text };
  });
  // Punctuation last, with the neighbouring inline's edge characters as context.
  return stepped.map((inline, k) => {
    if (inline.garbled) return inline;
    const before = stepped[k - 1]?.text.at(-1);
    const after = stepped[k + 1]?.text[0];
    const result = normalisePunctuation(inline.text, before, after);
    stats.punctuation += result.changes;
    return { ...inline, text: result.text };
  });
}

/** Cleans every block; `traditional` decides for the whole document, so one converted name does not flip it. */
export function clean(blocks: readonly Block[]): Cleaned {
  const stats: CleanStats = { pinyinRemoved: 0, converted: 0, punctuation: 0, garbled: 0 };
  const removals: InlineRemoval[] = [];
  const allText = blocks
    .map((b) => (b.rows ? b.rows.flat(2) : b.inlines).map((i) => i.text).join(''))
    .join('\n');
  const traditional = isTraditional(allText);
  const cleaned = blocks
    .map((block): Block => {
      if (block.rows) {
        return { ...block, rows: block.rows.map((row) => row.map((cell) => cleanInlines(cell, block.line, traditional, stats, removals))) };
      }
      return { ...block, inlines: cleanInlines(block.inlines, block.line, traditional, stats, removals) };
    });
  return { blocks: cleaned, removals, script: traditional ? 'zh-Hant' : 'zh-Hans', stats };
}
