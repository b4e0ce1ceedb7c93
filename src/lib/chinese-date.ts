/**
 * Dates as Chinese texts write them (2022年6月23日, 二〇二二年六月, 2022-06-23,
 * 10月29日) turned into partial dates that keep their precision. A date
 * without a year is returned as such: nothing here invents a year.
 */
import { isPartialDate } from './partial-date.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-numerals.ts';

/** A date found in text: a partial date, or month/day with no year. */
export type FoundDate =
  | { kind: 'date'; value: string; text: string; index: number }
  | { kind: 'no-year'; month: number; day?: number; text: string; index: number };

const N = `[\\d０-９]|[${CHINESE_NUMERAL_CHARS}]`;
const YEAR = `((?:[\\d０-９]{4})|(?:[〇○零一二三四五六七八九]{4}))\\s*年`;
const MONTH = `((?:${N}){1,3})\\s*月`;
const DAY = `((?:${N}){1,3})\\s*[日号]`;

const CHINESE_FULL = new RegExp(`${YEAR}(?:\\s*${MONTH}(?:\\s*${DAY})?)?`, 'g');
const NUMERIC = /(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?(?!\d)/g;
const NO_YEAR = new RegExp(`(?<![\\d０-９年${CHINESE_NUMERAL_CHARS}])${MONTH}(?:\\s*${DAY})?`, 'g');

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined when not a real date. */
export function toPartialDate(year: number, month?: number, day?: number): string | undefined {
  let value = String(year).padStart(4, '0');
  if (month !== undefined) value += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) value += `-${pad(day)}`;
  return isPartialDate(value) && year >= 1900 && year <= 2100 ? value : undefined;
}

/** Every full or partial date with a year in `text`, in order (2022年6月23日, 2022-06-23). */
export function findDates(text: string): Array<Extract<FoundDate, { kind: 'date' }>> {
  const found: Array<Extract<FoundDate, { kind: 'date' }>> = [];
  for (const m of text.matchAll(CHINESE_FULL)) {
    const year = parseChineseNumber(m[1]!);
    const month = m[2] ? parseChineseNumber(m[2]) : undefined;
    const day = m[3] ? parseChineseNumber(m[3]) : undefined;
    if (year === undefined) continue;
    const value = toPartialDate(year, month, month === undefined ? undefined : day);
    if (value) found.push({ kind: 'date', value, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(NUMERIC)) {
    const value = toPartialDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
    if (value && !found.some((f) => f.index === m.index)) found.push({ kind: 'date', value, text: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in `text`: with a year when it has one, else month/day only (10月29日). */
export function firstDate(text: string): FoundDate | undefined {
  const withYear = findDates(text)[0];
  NO_YEAR.lastIndex = 0;
  const m = NO_YEAR.exec(text);
  let noYear: FoundDate | undefined;
  if (m) {
    const month = parseChineseNumber(m[1]!);
    const day = m[2] ? parseChineseNumber(m[2]) : undefined;
    if (month !== undefined && month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= 31))) {
      noYear = { kind: 'no-year', month, ...(day !== undefined ? { day } : {}), text: m[0], index: m.index };
    }
  }
  if (withYear && (!noYear || withYear.index <= noYear.index)) return withYear;
  return noYear;
}
