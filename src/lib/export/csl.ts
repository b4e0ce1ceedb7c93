/**
 * A document as CSL-JSON (`/documents/<id>.csl.json`): an array of one item,
 * as citeproc, Zotero, Pandoc and citation.js read it. Dates are `date-parts`
 * with as many parts as the document gives (1–3); names are literal, since a
 * body's name, or a Chinese personal name, is not split into family and given.
 */
import { ARCHIVE_NAME, EXPORT_TYPES, type ExportDate, type ExportRecord } from './record.ts';

/** A CSL date: `{ "date-parts": [[2019, 10]] }` for 2019年10月. */
export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

/** The CSL-JSON item of a document, with the variables Wenyuan fills. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: Array<{ literal: string }>;
  issued?: CslDate;
  number?: string;
  genre: string;
  publisher?: string;
  'container-title'?: string;
  'event-title'?: string;
  URL: string;
  accessed?: CslDate;
  language: string;
  archive: string;
  archive_location: string;
  keyword?: string;
}

/** A partial date as CSL date-parts, never with a part the document does not give. */
export function cslDate(date: ExportDate): CslDate {
  if (date.month === undefined) return { 'date-parts': [[date.year]] };
  if (date.day === undefined) return { 'date-parts': [[date.year, date.month]] };
  return { 'date-parts': [[date.year, date.month, date.day]] };
}

/** The CSL-JSON item of a record, its variables in a reader's order. */
export function toCslItem(record: ExportRecord): CslItem {
  const type = EXPORT_TYPES[record.kind].csl;
  return {
    id: record.id,
    type,
    title: record.title,
    ...(record.creator && { author: [{ literal: record.creator.name }] }),
    ...(record.date && { issued: cslDate(record.date) }),
    ...(record.docNumber && { number: record.docNumber }),
    genre: record.kindLabel,
    // A web page's publisher is the site it is on.
    ...(record.publisher && (type === 'webpage' ? { 'container-title': record.publisher } : { publisher: record.publisher })),
    ...(record.meeting && record.kind === 'speech' && { 'event-title': record.meeting }),
    URL: record.url,
    ...(record.accessed && { accessed: cslDate(record.accessed) }),
    language: record.language,
    archive: ARCHIVE_NAME,
    archive_location: record.archiveUrl,
    ...(record.keywords.length > 0 && { keyword: record.keywords.join(', ') }),
  };
}

/** The file's text: the array of one item, indented, with a final newline; characters as they are (JSON escapes only what it must). */
export function toCslJson(record: ExportRecord): string {
  return `${JSON.stringify([toCslItem(record)], null, 2)}\n`;
}
