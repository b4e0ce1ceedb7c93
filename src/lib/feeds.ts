/**
 * What goes into the archive's RSS feeds (src/pages/rss.xml.ts and
 * src/pages/browse/[facet]/[value]/rss.xml.ts): which facets have feeds, the
 * order and number of entries, an entry's date and summary. Framework-free so
 * the tests check it without a build.
 */
import type { DocumentData } from '../schemas/document.ts';
import { compareDatesDescending, parsePartialDate } from './partial-date.ts';
import type { Facet } from './facets.ts';

/** The facets whose browse pages have a feed of their own, e.g. `/browse/region/北京市海淀区/rss.xml`. */
export const FEED_FACETS = ['type', 'region', 'issuer', 'status'] as const satisfies readonly Facet[];

/** A facet with a feed. */
export type FeedFacet = (typeof FEED_FACETS)[number];

/** URL of the whole archive's feed. */
export const ARCHIVE_FEED_URL = '/rss.xml';

/** Most entries in one feed: the latest documents only, so a feed stays small at any archive size. */
export const FEED_SIZE = 50;

/** Longest summary, in characters; a longer first paragraph is cut and ends with …. */
export const SUMMARY_LENGTH = 300;

/** True when the facet has feeds. */
export function hasFeed(facet: Facet): facet is FeedFacet {
  return (FEED_FACETS as readonly string[]).includes(facet);
}

/** Feed order: newest first by document date (undated last, a month after its days), then by id. */
export function compareForFeed(a: { id: string; data: Pick<DocumentData, 'date'> }, b: { id: string; data: Pick<DocumentData, 'date'> }): number {
  return compareDatesDescending(a.data.date, b.data.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The entries of a feed: the {@link FEED_SIZE} latest of `docs`, in feed order. */
export function latestForFeed<T extends { id: string; data: Pick<DocumentData, 'date'> }>(docs: readonly T[], size = FEED_SIZE): T[] {
  return [...docs].sort(compareForFeed).slice(0, size);
}

/**
 * The RSS `pubDate` of a document: only a date with its day. RSS dates are
 * whole timestamps, so a date known only to the month or year (or not at all)
 * gets none rather than an invented day; the feed still carries the date as
 * written in `dc:date`.
 */
export function feedPubDate(date: string | undefined): Date | undefined {
  if (!date) return undefined;
  const parsed = parsePartialDate(date);
  if ('error' in parsed || parsed.day === undefined) return undefined;
  return new Date(Date.UTC(parsed.year, parsed.month! - 1, parsed.day));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of an HTML fragment: tags dropped, character references decoded, white space collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A salutation standing as a paragraph of its own (同志们：, 各位代表：): short
 * and ending in a colon. It opens many speeches and says nothing of them.
 */
function isSalutation(text: string): boolean {
  return [...text].length <= 12 && /[：:]$/.test(text);
}

function cut(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : text;
}

/**
 * A document's summary for its feed entry: the first paragraph of its
 * rendered body that is not a salutation, as plain text, at most
 * {@link SUMMARY_LENGTH} characters; undefined when the body has none.
 */
export function summaryOf(html: string, length = SUMMARY_LENGTH): string | undefined {
  for (const match of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
    const text = htmlText(match[1]!);
    if (text && !isSalutation(text)) return cut(text, length);
  }
  return undefined;
}

/**
 * The same summary from an MDX source, whose body the build renders only as
 * a component: the first block of prose after the front matter (headings,
 * imports, exports, components, tables, code and rules skipped), Markdown
 * marks and tags removed.
 */
export function summaryOfMdx(source: string, length = SUMMARY_LENGTH): string | undefined {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^(```|~~~)[\s\S]*?^\1.*$/gm, '');
  for (const block of body.split(/\r?\n\s*\r?\n/)) {
    const first = block.trimStart();
    if (!first || /^(#|import\s|export\s|<|\{|\||>|[-*_]{3,}\s*$)/.test(first)) continue;
    const text = htmlText(
      first
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__|\*|_|`)(?=\S)([\s\S]*?\S)\1/g, '$2'),
    );
    if (text && !isSalutation(text)) return cut(text, length);
  }
  return undefined;
}
