/**
 * The date of citation (引用日期, 最后访问日期) a build prints in a
 * document's citations. A citation is made from the archive as it stands, so
 * the date is the build's; to keep two builds of the same content byte-identical it is
 * never the clock's, but, in this order:
 *
 * 1. `WENYUAN_CITE_DATE` (YYYY-MM-DD), when the publisher sets it;
 * 2. `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 *    convention; CI sets it to the commit time), as a day in China Standard
 *    Time (UTC+8), the archive's readers' day;
 * 3. else the newest complete date among `contentDates` — the site passes a
 *    document's own dates (its date, a version's adoption, the copy's
 *    retrieval), so the date of citation is never earlier than the text cited
 *    and a page does not change when another document is added;
 * 4. else none: citations then carry no date of citation.
 */
import { parsePartialDate } from '../partial-date.ts';

/** The environment variables the date of citation is read from. */
export interface CiteDateEnv {
  /** e.g. 2025-06-30. */
  WENYUAN_CITE_DATE?: string | undefined;
  /** e.g. 1751241600. */
  SOURCE_DATE_EPOCH?: string | undefined;
}

/** A date of citation and where it came from. */
export interface CiteDate {
  /** YYYY-MM-DD, or undefined when nothing gives one. */
  date: string | undefined;
  from: 'WENYUAN_CITE_DATE' | 'SOURCE_DATE_EPOCH' | 'content' | 'none';
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function isFullDate(text: string): boolean {
  return FULL_DATE.test(text) && !('error' in parsePartialDate(text));
}

/** The day of a Unix time in China Standard Time, YYYY-MM-DD. */
export function chinaDay(epochSeconds: number): string {
  return new Date(epochSeconds * 1000 + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The date of citation from the environment, else from `contentDates`
 * (partial and missing dates are skipped). Throws, naming the variable, when a
 * variable is set but not a date.
 */
export function citationDate(env: CiteDateEnv, contentDates: Iterable<string | undefined>): CiteDate {
  const explicit = env.WENYUAN_CITE_DATE?.trim();
  if (explicit) {
    if (!isFullDate(explicit)) {
      throw new Error(`WENYUAN_CITE_DATE="${explicit}" is not a date: write YYYY-MM-DD, e.g. 2025-06-30`);
    }
    return { date: explicit, from: 'WENYUAN_CITE_DATE' };
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new Error(`SOURCE_DATE_EPOCH="${epoch}" is not a Unix time: give whole seconds since 1970-01-01, e.g. 1751241600`);
    }
    return { date: chinaDay(Number(epoch)), from: 'SOURCE_DATE_EPOCH' };
  }
  let newest: string | undefined;
  for (const date of contentDates) {
    if (date && isFullDate(date) && (newest === undefined || date > newest)) newest = date;
  }
  return newest ? { date: newest, from: 'content' } : { date: undefined, from: 'none' };
}

/** The dates of a document the date of citation is taken from (rule 3 above): its date, a version's adoption, the copy's retrieval. */
export function documentCiteDates(data: { type: string; date?: string | undefined; adopted?: string | undefined; source?: { retrieved?: string | undefined } | undefined }): Array<string | undefined> {
  return [data.date, data.type === 'rule' ? data.adopted : undefined, data.source?.retrieved];
}
