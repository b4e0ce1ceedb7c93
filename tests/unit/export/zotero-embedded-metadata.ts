/**
 * Reads a page's <head> the way Zotero's "Embedded Metadata" translator does
 * (zotero/translators, Embedded Metadata.js, and the RDF translator it hands
 * Dublin Core to), for the tags a Wenyuan page can carry. The rules kept:
 *
 * - a tag is `<meta name|property content>`; a name may list several tags;
 * - a name whose prefix before `.`, `:` or `_` is a known namespace (`DC`,
 *   case-insensitive) is an RDF statement: `DC.title` → dc:title, …;
 * - Highwire fields match names by suffix (`…citation_title`), first tag
 *   wins, and override what Dublin Core gave; `citation_date` is read after
 *   `citation_publication_date` and so wins over it;
 * - `citation_author` tags replace Dublin Core creators; a name without a
 *   comma is one creator;
 * - item type: a Highwire type tag (`citation_journal_title` …) if any;
 *   else, when there are RDF statements, `DC.type` if it names a Zotero item
 *   type, else the guess `citation_title` makes (journalArticle), else webpage;
 * - `citation_pdf_url` makes a PDF attachment instead of the snapshot;
 * - language falls back to `<html lang>`, the title to `<title>`.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/** What Zotero would save from the page. */
export interface ZoteroItem {
  itemType: string;
  title?: string;
  creators: Array<{ lastName: string; firstName: string; creatorType: string }>;
  date?: string;
  publisher?: string;
  language?: string;
  /** Dublin Core identifiers Zotero saw (it keeps only ISBN/ISSN/DOI ones). */
  identifiers: string[];
  attachments: Array<{ title: string; mimeType?: string; url?: string }>;
}

/** Zotero's item types (`ZU.itemTypeExists`). */
const ITEM_TYPES = new Set([
  'artwork', 'audioRecording', 'bill', 'blogPost', 'book', 'bookSection', 'case', 'computerProgram', 'conferencePaper',
  'dataset', 'dictionaryEntry', 'document', 'email', 'encyclopediaArticle', 'film', 'forumPost', 'hearing',
  'instantMessage', 'interview', 'journalArticle', 'letter', 'magazineArticle', 'manuscript', 'map', 'newspaperArticle',
  'patent', 'podcast', 'preprint', 'presentation', 'radioBroadcast', 'report', 'standard', 'statute', 'thesis',
  'tvBroadcast', 'videoRecording', 'webpage',
]);

const PREFIXES: Record<string, string> = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  og: 'http://ogp.me/ns#',
  prism: 'http://prismstandard.org/namespaces/1.2/basic/',
};

const HIGHWIRE: Array<[string, keyof ZoteroItem]> = [
  ['citation_title', 'title'],
  ['citation_publication_date', 'date'],
  ['citation_cover_date', 'date'],
  ['citation_date', 'date'],
  ['citation_publisher', 'publisher'],
  ['citation_language', 'language'],
];

const HIGHWIRE_TYPES: Record<string, string> = {
  citation_journal_title: 'journalArticle',
  citation_technical_report_institution: 'report',
  citation_conference_title: 'conferencePaper',
  citation_book_title: 'bookSection',
  citation_dissertation_institution: 'thesis',
};

function elements(node: Root | Element, tag: string, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tag) out.push(child);
    elements(child, tag, out);
  }
  return out;
}

function prop(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The item Zotero's Embedded Metadata translator makes of `html`. */
export function readEmbeddedMetadata(html: string): ZoteroItem {
  const tree = fromHtml(html);
  const htmlElement = elements(tree, 'html')[0];
  const head = elements(tree, 'head')[0];
  const headMetas = head ? elements(head, 'meta') : [];
  const statements: Array<[string, string]> = [];
  let hwType: string | undefined;
  let hwTypeGuess: string | undefined;
  for (const meta of elements(tree, 'meta')) {
    const names = prop(meta, 'name') ?? prop(meta, 'property');
    const value = prop(meta, 'content');
    if (!names || !value) continue;
    for (const tag of names.split(/\s+/)) {
      const parts = tag.split(/[.:_]/);
      const prefix = parts[0]!.toLowerCase();
      if (PREFIXES[prefix]) {
        const property = tag.slice(parts[0]!.length + 1);
        statements.push([PREFIXES[prefix] + property.charAt(0).toLowerCase() + property.slice(1), value]);
        continue;
      }
      const short = tag.slice(tag.lastIndexOf('citation_'));
      if (HIGHWIRE_TYPES[short]) hwType = HIGHWIRE_TYPES[short];
      else if (short === 'citation_title' || short === 'citation_series_title') hwTypeGuess ??= 'journalArticle';
    }
  }
  const rdf = (property: string) => statements.filter(([p]) => p === PREFIXES.dc + property).map(([, v]) => v);
  const dcType = rdf('type')[0];
  const itemType =
    hwType ??
    (statements.length > 0 ? (dcType && ITEM_TYPES.has(dcType) ? dcType : (hwTypeGuess ?? 'webpage')) : (hwTypeGuess ?? 'webpage'));
  const item: ZoteroItem = { itemType, creators: [], identifiers: rdf('identifier'), attachments: [] };
  // What the RDF translator takes from Dublin Core.
  const dcTitle = rdf('title')[0];
  if (dcTitle) item.title = dcTitle;
  const dcDate = rdf('date')[0];
  if (dcDate) item.date = dcDate;
  const dcLanguage = rdf('language')[0];
  if (dcLanguage) item.language = dcLanguage;
  const dcPublisher = rdf('publisher')[0];
  if (dcPublisher) item.publisher = dcPublisher;
  const creator = (name: string) => {
    const at = name.lastIndexOf(' ');
    return { lastName: at < 0 ? name : name.slice(at + 1), firstName: at < 0 ? '' : name.slice(0, at), creatorType: 'author' };
  };
  item.creators = rdf('creator').map(creator);
  // Highwire, from the head's tags, matched by suffix, first one wins.
  const content = (name: string) => headMetas.filter((m) => prop(m, 'name')?.endsWith(name)).map((m) => prop(m, 'content') ?? '');
  for (const [name, field] of HIGHWIRE) {
    const value = content(name)[0]?.trim();
    if (value) (item as unknown as Record<string, string>)[field] = value.replace(/\s+/g, ' ');
  }
  const authors = content('citation_author').flatMap((value) => value.split(/\s*;\s*/)).filter((name) => /[^\s,\-.;]/.test(name));
  if (authors.length > 0) item.creators = authors.map((name) => creator(name.trim()));
  const pdf = content('citation_pdf_url')[0];
  item.attachments.push(pdf ? { title: 'Full Text PDF', url: pdf, mimeType: 'application/pdf' } : { title: 'Snapshot' });
  if (!item.title) {
    const title = elements(tree, 'title')[0];
    if (title) item.title = toString(title);
  }
  if (!item.language && htmlElement) {
    const lang = prop(htmlElement, 'lang');
    if (lang) item.language = lang;
  }
  return item;
}
