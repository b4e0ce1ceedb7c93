/**
 * What a reference manager needs to know about one document, taken once from
 * its front matter and shared by the BibTeX, RIS and CSL-JSON writers and the
 * page's embedded metadata. Structured fields only, never a formatted
 * citation: each format says in its own fields who issued the text, when,
 * under which number and where it is.
 */
import type { DocumentData } from '../../schemas/document.ts';
import { parsePartialDate, type PartialDate } from '../partial-date.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../vocabulary.ts';

/** The archive's name as reference managers show it (RIS `DB`, CSL `archive`): the one citations name. */
export { ARCHIVE_NAME } from '../cite/source.ts';

/** The language of every text in the archive (BCP 47), e.g. for CSL `language`. */
export const ARCHIVE_LANGUAGE = 'zh-CN';

/**
 * Each document kind in each vocabulary. A rule is legislation in CSL and a
 * statute in Zotero; RIS has no statute type its readers agree on but
 * `LEGAL` (Legal Rule or Regulation) fits 规则/办法/条例 exactly. Opinions,
 * decisions and notices are government documents (`GOVDOC`), which CSL and
 * Zotero only know as a generic document. RIS has no speech type (`SLIDE`
 * would become a film in citation-js), so a speech is `GEN` there. A meeting
 * report is a news item posted on a web site, so a web page.
 */
export const EXPORT_TYPES: Record<DocumentType, { csl: string; ris: string; zotero: string }> = {
  rule: { csl: 'legislation', ris: 'LEGAL', zotero: 'statute' },
  opinion: { csl: 'document', ris: 'GOVDOC', zotero: 'document' },
  decision: { csl: 'document', ris: 'GOVDOC', zotero: 'document' },
  notice: { csl: 'document', ris: 'GOVDOC', zotero: 'document' },
  speech: { csl: 'speech', ris: 'GEN', zotero: 'presentation' },
  'meeting-report': { csl: 'webpage', ris: 'ELEC', zotero: 'webpage' },
  article: { csl: 'document', ris: 'GEN', zotero: 'document' },
};

/** A date as precise as the front matter wrote it: `text` is `2019`, `2019-10` or `2019-10-29`. */
export interface ExportDate extends PartialDate {
  text: string;
}

/** One document's bibliographic fields, every text on one line. */
export interface ExportRecord {
  /** The document id, also the citation key: `2023-03-01-qinghe-yishi-guize`. */
  id: string;
  kind: DocumentType;
  /** The kind's Chinese name, e.g. 讲话. */
  kindLabel: string;
  title: string;
  subtitle?: string;
  /** Who the text is by: a speech's speaker, otherwise the issuing body. */
  creator?: { name: string; person: boolean };
  /** 发文机关, e.g. 海淀区人大常委会. */
  issuer?: string;
  date?: ExportDate;
  /** 发文字号, e.g. 青人常发〔2023〕4号. */
  docNumber?: string;
  /** Who published the copy (`source.name`), e.g. 北京市人民代表大会常务委员会. */
  publisher?: string;
  meeting?: string;
  /** The original's address, when the source gives one. */
  sourceUrl?: string;
  /** The archive's permanent address of the document page. */
  archiveUrl: string;
  /** The address to cite: the original's, or the archive's where the source has none. */
  url: string;
  /**
   * When `url` was accessed: the day the copy was taken (`source.retrieved`),
   * and only for the original's address. A build never writes its own date,
   * so two builds stay byte-identical.
   */
  accessed?: ExportDate;
  language: string;
  keywords: string[];
}

function exportDate(text: string | undefined): ExportDate | undefined {
  if (!text) return undefined;
  const date = parsePartialDate(text);
  return 'error' in date ? undefined : { ...date, text };
}

const WIDE = 0x2e80;

function isWide(char: string | undefined): boolean {
  return char !== undefined && char.charCodeAt(0) >= WIDE;
}

/**
 * A field's text on one line. A line break between two Chinese characters
 * goes (Chinese has no spaces between words); elsewhere it becomes a space.
 * Runs of ASCII blanks become one space; the full-width space 　, which
 * separates joint issuers, stays.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[ \t]*[\r\n][ \t\r\n]*/g, (match, offset: number, whole: string) =>
      isWide(whole[offset - 1]) && isWide(whole[offset + match.length]) ? '' : ' ',
    )
    .replace(/[ \t\f\v]+/g, ' ')
    .trim();
}

function optionalLine(text: string | undefined): string | undefined {
  const line = text === undefined ? '' : oneLine(text);
  return line === '' ? undefined : line;
}

/** The export record of a document; `archiveUrl` is its page's absolute address. */
export function exportRecord(id: string, data: DocumentData, archiveUrl: string): ExportRecord {
  const speaker = data.type === 'speech' ? optionalLine(data.speaker) : undefined;
  const issuer = optionalLine(data.issuer);
  const sourceUrl = data.source?.url;
  const accessed = sourceUrl ? exportDate(data.source?.retrieved) : undefined;
  const record: ExportRecord = {
    id,
    kind: data.type,
    kindLabel: DOCUMENT_TYPES[data.type],
    title: oneLine(data.title),
    archiveUrl,
    url: sourceUrl ?? archiveUrl,
    language: ARCHIVE_LANGUAGE,
    keywords: data.tags.map(oneLine).filter((tag) => tag !== ''),
  };
  const subtitle = optionalLine(data.subtitle);
  if (subtitle) record.subtitle = subtitle;
  if (speaker) record.creator = { name: speaker, person: true };
  else if (issuer) record.creator = { name: issuer, person: false };
  if (issuer) record.issuer = issuer;
  const date = exportDate(data.date);
  if (date) record.date = date;
  const docNumber = optionalLine(data.doc_number);
  if (docNumber) record.docNumber = docNumber;
  const publisher = optionalLine(data.source?.name);
  if (publisher) record.publisher = publisher;
  const meeting = optionalLine(data.meeting);
  if (meeting) record.meeting = meeting;
  if (sourceUrl) record.sourceUrl = sourceUrl;
  if (accessed) record.accessed = accessed;
  return record;
}
