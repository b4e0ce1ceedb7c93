/**
 * Dates as Chinese policy texts give them: often only a year or a month.
 * A date keeps the precision it was written with; nothing here invents a day.
 */

/** A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, e.g. `2019-10` for 2019年10月. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns a reason string instead of
 * a date when the text is not a real calendar date (e.g. `2023-13-01`).
 */
export function parsePartialDate(text: string): PartialDate | { error: string } {
  const match = PARTIAL_DATE.exec(text);
  if (!match) {
    return { error: `"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-10-29)` };
  }
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    return { error: `"${text}" has month ${match[2]}; months run from 01 to 12` };
  }
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { error: `"${text}" has day ${match[3]}; ${year}-${match[2]} has days 01 to ${last}` };
  }
  return { year, month, day };
}

/** True when `text` is a valid partial date. */
export function isPartialDate(text: string): boolean {
  return !('error' in parsePartialDate(text));
}

/** Shows a partial date as written, in Chinese: `2019年10月`, never a made-up day. */
export function formatPartialDate(text: string | undefined): string {
  if (!text) return '日期不详';
  const date = parsePartialDate(text);
  if ('error' in date) return text;
  let out = `${date.year}年`;
  if (date.month !== undefined) out += `${date.month}月`;
  if (date.day !== undefined) out += `${date.day}日`;
  return out;
}

/**
 * Orders documents newest first; a missing date sorts last. Of two dates that
 * agree as far as both go, the less precise one sorts after the more precise one.
 */
export function compareDatesDescending(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  // Zero-padded ISO prefixes compare correctly as strings; a shorter prefix
  // of the other is the less precise date.
  if (b.startsWith(a)) return 1;
  if (a.startsWith(b)) return -1;
  return a < b ? 1 : -1;
}

/** The year of a partial date, or undefined when there is none. */
export function yearOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const date = parsePartialDate(text);
  return 'error' in date ? undefined : date.year;
}
