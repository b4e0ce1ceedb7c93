/**
 * The files published beside each document page, `/documents/<id>.<ext>`,
 * and what goes in each: the page links this list, the build writes it
 * (src/integrations/document-files.ts), and the README describes it.
 */
import type { DocumentData } from '../../schemas/document.ts';
import { toBibtex } from './bibtex.ts';
import { toCslJson } from './csl.ts';
import { exportRecord } from './record.ts';
import { toRis } from './ris.ts';
import { documentBodyHtml, documentText, htmlToText } from './text.ts';

/** One file of a document. */
export interface DocumentFile {
  /** Extension after the id, e.g. `csl.json`. */
  ext: string;
  /** Link text on the page, e.g. RIS. */
  label: string;
  /** What it is for, after the link, e.g. EndNote、NoteExpress、Zotero. */
  note: string;
  /** Media type, for the link's `type` hint and for hosts. */
  mediaType: string;
}

/** The texts: the committed source and a plain-text version. */
export const TEXT_FILES: readonly DocumentFile[] = [
  { ext: 'md', label: 'Markdown 原文', note: '含前言中的全部著录项目', mediaType: 'text/markdown' },
  { ext: 'txt', label: '纯文本', note: '标题、著录项目与正文', mediaType: 'text/plain' },
];

/** The reference-manager exports. */
export const CITATION_FILES: readonly DocumentFile[] = [
  { ext: 'bib', label: 'BibTeX', note: 'LaTeX、JabRef', mediaType: 'text/x-bibtex' },
  { ext: 'ris', label: 'RIS', note: 'EndNote、NoteExpress、Zotero', mediaType: 'text/x-research-info-systems' },
  { ext: 'csl.json', label: 'CSL-JSON', note: 'Zotero、Pandoc、citeproc', mediaType: 'application/json' },
];

/** Address of one of a document's files: `/documents/<id>.ris`. */
export function documentFileHref(id: string, ext: string): string {
  return `/documents/${encodeURIComponent(id)}.${ext}`;
}

/** What a document's files are made of. */
export interface DocumentFileInput {
  data: DocumentData;
  /** The document's file as committed. */
  source: Uint8Array;
  /** Its built page, whose text the `.txt` takes. */
  pageHtml: string;
  /** The page's absolute, permanent address. */
  archiveUrl: string;
}

/** Each of a document's files, extension and content, in the order of {@link TEXT_FILES} and {@link CITATION_FILES}. */
export function documentFileContents({ data, source, pageHtml, archiveUrl }: DocumentFileInput): Array<[string, string | Uint8Array]> {
  const record = exportRecord(data.id, data, archiveUrl);
  return [
    ['md', source],
    ['txt', documentText(data, archiveUrl, htmlToText(documentBodyHtml(pageHtml)))],
    ['bib', toBibtex(record)],
    ['ris', toRis(record)],
    ['csl.json', toCslJson(record)],
  ];
}
