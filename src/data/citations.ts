/**
 * What the 引用 panel needs, computed once per build: the date of citation
 * (from the environment, else the newest date of the content; see
 * src/lib/cite/cite-date.ts) and each document's citation source, with the
 * revision year of a rule's version from the versions of its work.
 */
import { allDocuments, documentUrl, type DocumentEntry } from './documents.ts';
import { versionsOf } from './rules.ts';
import { citationDate, revisionOf, type CiteDate, type CiteSource } from '../lib/cite/index.ts';

let date: Promise<CiteDate> | undefined;

/** The date of citation of this build, YYYY-MM-DD (undefined when neither the environment nor the content gives one). */
export function citeDate(): Promise<CiteDate> {
  date ??= allDocuments().then((docs) =>
    citationDate(
      process.env,
      docs.flatMap(({ data }) => [data.date, data.type === 'rule' ? data.adopted : undefined, data.source?.retrieved]),
    ),
  );
  return date;
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
