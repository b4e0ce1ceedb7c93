/**
 * The `<meta>` tags a document page carries for reference managers that read
 * the page itself (Zotero's Embedded Metadata translator, Google Scholar,
 * EndNote's capture): Highwire `citation_*` tags and Dublin Core `DC.*`.
 *
 * How Zotero reads them decides what goes in: `citation_*` values win over
 * `DC.*` ones; a page with `citation_title` and nothing else is taken for a
 * journal article, but a `DC.type` naming a Zotero item type (`statute`,
 * `presentation`) sets the type. `citation_pdf_url` is left out: the archive
 * has no PDF file, only print styles (a PDF link would make Zotero fetch the
 * page as a PDF instead of keeping a snapshot).
 */
import { EXPORT_TYPES, type ExportRecord } from './record.ts';

/** The Dublin Core namespace that `<link rel="schema.DC">` declares. */
export const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** The page's metadata tags as `[name, content]`, in the order they are written. */
export function embeddedMetadata(record: ExportRecord): Array<[string, string]> {
  const tags: Array<[string, string]> = [['citation_title', record.title]];
  if (record.creator) tags.push(['citation_author', record.creator.name]);
  const publisher = record.publisher ?? record.issuer;
  if (publisher) tags.push(['citation_publisher', publisher]);
  // As written: 2019, 2019-10 or 2019-10-29; an undated document has none.
  if (record.date) tags.push(['citation_publication_date', record.date.text]);
  tags.push(['citation_language', record.language]);
  tags.push(['DC.title', record.title]);
  if (record.creator) tags.push(['DC.creator', record.creator.name]);
  if (record.date) tags.push(['DC.date', record.date.text]);
  tags.push(['DC.type', EXPORT_TYPES[record.kind].zotero]);
  tags.push(['DC.identifier', record.archiveUrl]);
  if (record.docNumber) tags.push(['DC.identifier', record.docNumber]);
  tags.push(['DC.language', record.language]);
  return tags;
}
