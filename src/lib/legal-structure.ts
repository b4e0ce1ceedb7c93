/**
 * The divisions of a normative text: 第一编, 第二章, 第三节, 第十二条, and the
 * numbered headings of policy documents: 一、 and （一）. Shared by the
 * importer (recovering structure) and the site (anchors for articles).
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-numerals.ts';

const NUM = `[${CHINESE_NUMERAL_CHARS}\\d０-９]+`;

/** A division heading of a rule: 编, 分编, 章, 节. */
export type DivisionKind = '编' | '分编' | '章' | '节';

/** `第二章　总则` → kind 章, number 2, label 第二章, title 总则. */
export interface DivisionHeading {
  kind: DivisionKind;
  number: number;
  label: string;
  title: string;
}

const DIVISION = new RegExp(`^(第(${NUM})(分编|编|章|节))(?:[\\s\\u3000]*(.*))?$`);
const ARTICLE = new RegExp(`^(第(${NUM})条(?:之[${CHINESE_NUMERAL_CHARS}]+)?)(?=[\\s\\u3000]|[^\\s\\u3000]|$)`);

/** Parses a 编/章/节 heading; the title may be empty (第一章 alone on a line). */
export function parseDivisionHeading(line: string): DivisionHeading | undefined {
  const m = DIVISION.exec(line.trim());
  if (!m) return undefined;
  const number = parseChineseNumber(m[2]!);
  if (number === undefined) return undefined;
  const title = (m[4] ?? '').replace(/[\s\u3000]+/g, '');
  // A heading is short; "第一章规定的…" in prose is a sentence.
  if (title.length > 40 || /[，。；：]/.test(title)) return undefined;
  return { kind: m[3] as DivisionKind, number, label: m[1]!, title };
}

/** `第十二条　…` → the label 第十二条 and number 12; undefined when the line is no article. */
export function parseArticleStart(line: string): { label: string; number: number; rest: string } | undefined {
  const m = ARTICLE.exec(line);
  if (!m) return undefined;
  const number = parseChineseNumber(m[2]!);
  if (number === undefined) return undefined;
  return { label: m[1]!, number, rest: line.slice(m[1]!.length).replace(/^[\s\u3000]+/, '') };
}

/** `一、…` (level 2) or `（一）…` (level 3) at the start of a line; the numbering of policy documents. */
export function numberedHeadingLevel(line: string): 2 | 3 | undefined {
  if (/^[一二三四五六七八九十]{1,3}、/.test(line)) return 2;
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]/.test(line)) return 3;
  return undefined;
}
