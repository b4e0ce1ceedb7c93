/**
 * Previews of archive documents: the small card a reader sees on hovering or
 * focusing a link to another document (src/client/previews.ts), the static
 * files it is read from (`/documents/<id>.preview.json`, written at build end
 * by src/integrations/document-files.ts from src/lib/previews/files.ts), and
 * the `title` such a link carries for readers without JavaScript.
 *
 * Framework-free and free of Node: the browser imports this module.
 */
import { parseArticleStart } from '../legal-structure.ts';
import { formatPartialDate } from '../partial-date.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../vocabulary.ts';

/** Article anchor → the article's first sentence, e.g. `第八条` → `常务委员会会议一般每两个月举行一次。`. */
export type ArticleLeads = Record<string, string>;

/**
 * What `/documents/<id>.preview.json` holds. Only fields the front matter
 * has are written: an undated document has no `date`, nothing is filled in.
 */
export interface PreviewCard {
  /** 标题, e.g. 测试区人民代表大会常务委员会议事规则. */
  title: string;
  /** The kind (`rule`); the card shows its label (规则/办法/条例). */
  type: string;
  /** 日期 exactly as written: `2019`, `2019-10` or `2019-10-29`. */
  date?: string;
  /** 发文机关. */
  issuer?: string;
  /** 讲话人, for speeches. */
  speaker?: string;
  /** 时效性, e.g. 现行有效. */
  status?: string;
  /** Each article's first sentence, when they fit in this file. */
  articles?: ArticleLeads;
  /**
   * When a rule's sentences do not fit: part `k` (`/documents/<id>.preview-<k>.json`,
   * 1-based) holds the articles numbered from `parts[k-1]` up to `parts[k]`
   * (see {@link partOf}), e.g. `[1, 41, 83]`.
   */
  parts?: number[];
}

/** What `/documents/<id>.preview-<k>.json` holds. */
export interface PreviewPart {
  articles: ArticleLeads;
}

/** Most bytes a preview may cost the reader: its card file, plus one part for an article link. */
export const PREVIEW_BUDGET = 5 * 1024;

/**
 * Bytes a preview file aims at, well under the budget: a rule's sentences
 * stay in its card file while they fit in this, else they are split into
 * parts of about this size. Smaller parts cost a reader less per card and
 * the archive more files (at 10,000 corpus documents, about 2 KB per card
 * and 50,000 files against about 5 KB and 31,000 with 5 KB parts).
 */
export const PREVIEW_TARGET = 2 * 1024;

/** Address of a document's preview file, or of part `part` (1-based) of its article sentences. */
export function previewHref(id: string, part?: number): string {
  return `/documents/${encodeURIComponent(id)}.preview${part === undefined ? '' : `-${part}`}.json`;
}

/** The document id and anchor of an archive document link (`/documents/<id>/#第八条`); undefined for any other address. */
export function documentTarget(pathname: string, hash: string): { id: string; anchor?: string } | undefined {
  const m = /^\/documents\/([a-z0-9][a-z0-9-]*)\/$/.exec(pathname);
  if (!m) return undefined;
  let anchor: string | undefined;
  try {
    anchor = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : undefined;
  } catch {
    anchor = undefined;
  }
  return { id: m[1]!, ...(anchor ? { anchor } : {}) };
}

/** The article an anchor is in: `第八条第二款第一项` → `第八条`, `第十二条之一` as it is; undefined when it names no article. */
export function articleOf(anchor: string): string | undefined {
  return parseArticleStart(anchor)?.label;
}

/** The number that decides an article's part: 8 for 第八条, 第八条之一 and a repeated 第八条-2; 0 when the anchor has none. */
export function articleKey(anchor: string): number {
  return parseArticleStart(anchor)?.number ?? 0;
}

/** Which part (1-based) holds the article with key `key`; undefined when it is before the first part. */
export function partOf(parts: readonly number[], key: number): number | undefined {
  let found: number | undefined;
  parts.forEach((start, i) => {
    if (start <= key) found = i + 1;
  });
  return found;
}

/** The card's label of a kind: `rule` → 规则/办法/条例 (an unknown kind as written). */
export function typeLabel(type: string): string {
  return Object.hasOwn(DOCUMENT_TYPES, type) ? DOCUMENT_TYPES[type as DocumentType] : type;
}

/**
 * The `title` of a link to a document, for readers without JavaScript: the
 * title (with the article cited), the kind and the date as precise as
 * written, e.g. `测试区…议事规则 第二条 · 规则/办法/条例 · 2023年3月1日`.
 */
export function previewTitle(doc: { title: string; type: string; date?: string | undefined }, anchor?: string): string {
  return `${doc.title}${anchor ? ` ${anchor}` : ''} · ${typeLabel(doc.type)} · ${formatPartialDate(doc.date)}`;
}
