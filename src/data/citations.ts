/**
 * What the 引用 panel needs: a document's date of citation (from the
 * environment, else the document's own newest date; see
 * src/lib/cite/cite-date.ts) and its citation source, with the revision year
 * of a rule's version from the versions of its work.
 */
import { documentUrl, type DocumentEntry } from './documents.ts';
import { versionsOf } from './rules.ts';
import { citationDate, documentCiteDates, revisionOf, type CiteDate, type CiteSource } from '../lib/cite/index.ts';

/**
 * The date of citation printed in a document's citations: from the
 * environment when the publisher sets one (then the same in every page),
 * else the newest complete date of this document itself (its date, a
 * version's adoption, the copy's retrieval). Its own, not the archive's
 * newest: a page then changes only when its document does, so adding a
 * document re-renders and re-indexes that document, not every page.
 */
export function citeDateOf(entry: DocumentEntry): CiteDate {
  return citationDate(process.env, documentCiteDates(entry.data));
}

/** A document as the citation formatters read it; `site` is the archive's public base URL. */
export async function citeSourceOf(entry: DocumentEntry, site: URL | string): Promise<CiteSource> {
  const data = entry.data;
  return {
    type: data.type,
    title: data.title,
    issuer: data.issuer,
    speaker: data.speaker,
    date: data.date,
    docNumber: data.doc_number,
    status: 'status' in data ? data.status : undefined,
    revision: revisionOf(await versionsOf(entry), entry.id),
    sourceName: data.source?.name,
    sourceUrl: data.source?.url,
    archiveUrl: new URL(documentUrl(entry.id), site).href,
    converted: data.original_script === 'zh-Hant',
  };
}
