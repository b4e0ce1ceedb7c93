/**
 * Shared shapes of the importer pipeline. Every stage is a pure function over
 * these values; the ledger (`Piece[]`) is how "nothing lost" is proven: each
 * character of an input's text content ends in exactly one piece.
 */

/** A run of text with its inline marks, as it will stand in the body. */
export interface Inline {
  text: string;
  strong?: boolean;
  emphasis?: boolean;
  /** Link target, kept only for http(s) links. */
  href?: string;
  /** A mojibake span: kept verbatim by every later stage and flagged. */
  garbled?: boolean;
}

/** What a block of the body is. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table';

/** One block of the body, in source order. */
export interface Block {
  kind: BlockKind;
  /** Heading level 2–4 (level 1 is the document title, held in front matter). */
  depth?: number;
  /** List items only: numbered list. */
  ordered?: boolean;
  /** Paragraph, heading and list-item content. */
  inlines: Inline[];
  /** Table content: rows of cells of inlines; the first row is the header. */
  rows?: Inline[][][];
  /** 1-based line of the decoded input where the block starts (for diagnostics). */
  line: number;
}

/** Where a piece of the input's text content went. */
export type Fate = 'body' | 'removed' | 'front-matter' | 'markup';

/**
 * One piece of the input's text content, in source order. `body` pieces are
 * the source text of a body block before cleaning; `removed` pieces carry the
 * rule that removed them; `front-matter` pieces name the field they fed;
 * `markup` pieces are source syntax (e.g. `##`) that the body re-expresses.
 */
export interface Piece {
  source: string;
  fate: Fate;
  /** 1-based source line. */
  line: number;
  /** Rule id, e.g. `breadcrumb`, `metadata`, `advertising`. */
  rule?: string;
  /** Why, in words a staff member understands, e.g. 面包屑导航. */
  reason?: string;
  /** Front-matter field this piece fed, e.g. `title`. */
  field?: string;
  /** Body pieces: index of the block they became. */
  block?: number;
}

/** A quality flag as the schema stores it. */
export interface QualityFlag {
  kind: 'garbled' | 'anonymised' | 'year-unknown' | 'date-unknown' | 'converted-script' | 'pinyin-removed' | 'uncertain' | 'other';
  note: string;
  line?: number;
  column?: number;
  text?: string;
  /** `uncertain` only: the field in doubt (title, type, date, issuer, doc_number). */
  field?: string;
  /** `uncertain` only: the values weighed against the one written, best first. */
  candidates?: string[];
}

/** A detected metadata value and how it was found. */
export interface Detected<T = string> {
  value: T;
  /** How it was found, e.g. `metadata line 4: 发布时间:2022-06-23`. */
  how: string;
  /** `unsure` when the importer flagged the value `uncertain` (title, type, date, issuer, doc_number). */
  confidence?: 'sure' | 'unsure';
}

/** Text removed inside a kept block by the clean stage (e.g. a pinyin annotation). */
export interface InlineRemoval {
  text: string;
  rule: string;
  reason: string;
  line: number;
  column?: number;
}

/** A problem worth telling the user, with the input line when it has one. */
export interface Diagnostic {
  rule: string;
  message: string;
  line?: number;
}
