/**
 * The anchor scheme of rules. Anchors are public URLs (`…/#第十二条`), so
 * they read as a citation reads: the article number exactly as written,
 * then 款, 项 and 目 in the order of a Chinese citation:
 *
 * - article  第十二条, 第十二条之一
 * - 款       第十二条第二款
 * - 项       第十二条第二款第一项
 * - 目       第十二条第二款第一项第3目
 * - division 第一章; 第二编第一章 or 第二章第一节 when the bare label repeats in the document
 */
import { formatChineseNumber } from '../chinese-numerals.ts';

/** The anchor of an article: its label as written, without spaces; e.g. 第十二条之一. */
export function articleId(label: string): string {
  return label.replace(/[\s\u3000]+/g, '');
}

/** The anchor of 款 `index` (1-based) of an article; e.g. 第八条第二款. */
export function paragraphId(articleAnchor: string, index: number): string {
  return `${articleAnchor}第${formatChineseNumber(index)}款`;
}

/** The anchor of 项 `number` of a 款; e.g. 第八条第二款第一项. */
export function itemId(paragraphAnchor: string, number: number): string {
  return `${paragraphAnchor}第${formatChineseNumber(number)}项`;
}

/** The anchor of 目 `number` of a 项; e.g. 第八条第二款第一项第3目. */
export function subitemId(itemAnchor: string, number: number): string {
  return `${itemAnchor}第${number}目`;
}

/**
 * Anchors for a document's divisions, in order. A label is its own anchor
 * (第一章) unless a division of the same kind repeats that label (chapters
 * numbered afresh in each 编, sections in each 章): then every division of
 * that kind is prefixed with its parent's label (第二编第一章, 第二章第一节),
 * and with further ancestors while that is not enough; anything still equal
 * gets -2, -3.
 */
export function divisionIds(divisions: ReadonlyArray<{ kind: string; label: string; parent?: number | undefined }>): string[] {
  const ids = divisions.map((d) => d.label);
  const ancestor = divisions.map((d) => d.parent);
  const repeated = (kind: string) => {
    const seen = new Set<string>();
    return divisions.some((d, i) => d.kind === kind && (seen.has(ids[i]!) || !seen.add(ids[i]!)));
  };
  for (const kind of new Set(divisions.map((d) => d.kind))) {
    // Each pass adds one ancestor to every division of the kind, so this ends.
    while (repeated(kind) && divisions.some((d, i) => d.kind === kind && ancestor[i] !== undefined)) {
      divisions.forEach((d, i) => {
        const parent = ancestor[i];
        if (d.kind !== kind || parent === undefined) return;
        ids[i] = `${divisions[parent]!.label}${ids[i]}`;
        ancestor[i] = divisions[parent]!.parent;
      });
    }
  }
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
