/**
 * The detection view of a line: what the line rules read, never what is
 * written. Page chrome and metadata labels are recognised on Simplified text
 * without converter pinyin (`【發(fā)布部門】` reads as `【发布部门】`), without a
 * list bullet (`- `, `• `) and without the cell bars of a table copied as text
 * (`柳林县人大常委会工作制度 |`). The ledger keeps the line as it came.
 */
import { toSimplified } from './chars.ts';
import { findPinyinAnnotations } from './pinyin.ts';

const BULLET = /^\s*(?:[-*+•·●◆■□▪]\s+|[•●◆■□▪])/;
const EDGE_BARS = /^[\s|｜]+|[\s|｜]+$/g;

/** A line without the cell bars of a table copied as text, and without its edge spaces. */
export const withoutCellBars = (text: string): string => text.replace(EDGE_BARS, '');

/** Removes converter pinyin annotations (區(qū) → 區). */
export function withoutPinyin(text: string): string {
  const spans = findPinyinAnnotations(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

const cache = new Map<string, string>();

/** The line as the detection rules read it: Simplified, no pinyin, no bullet, no edge bars, trimmed. */
export function detectionView(line: string): string {
  const hit = cache.get(line);
  if (hit !== undefined) return hit;
  const view = withoutCellBars(toSimplified(withoutPinyin(line)).replace(BULLET, '')).trim();
  // Lines repeat across a batch (site chrome); a bounded memo keeps big batches flat.
  if (cache.size > 20_000) cache.clear();
  cache.set(line, view);
  return view;
}
