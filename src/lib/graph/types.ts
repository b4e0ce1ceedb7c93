/**
 * The citation and entity graph of the archive as plain data: computed once
 * per build (src/data/content-graph.ts), handed to the Markdown plugin and,
 * as JSON, to the pages. Everything here is serialisable.
 */
import type { CitedKind } from '../citations/classify.ts';
import type { EntityKind } from '../entities/mentions.ts';

/** A document as the graph reads it: front matter fields it needs, and the body. */
export interface SourceDocument {
  id: string;
  /** Path of the file, for diagnostics (content/2022/x.md). */
  file?: string;
  title: string;
  aliases: readonly string[];
  type: string;
  region?: string;
  issuer?: string;
  date?: string;
  meeting?: string;
  status?: string;
  /** Versions of one rule share a work id (rules work, issue 5). */
  work?: string;
  /** The raw Markdown body; line numbers count from the top of the file. */
  body: string;
}

/** A URL segment of a page of the graph (missing text, person, body, meeting): readable Chinese, unique per kind. */
export type GraphSlug = string & { readonly __brand: 'GraphSlug' };

/** What became of one citation. */
export type CitationStatus =
  /** It names a document in the archive. */
  | 'resolved'
  /** It names a policy text not in the archive: it links to that text's page. */
  | 'missing'
  /** Two or more documents fit and nothing separates them: left unlinked, reported. */
  | 'ambiguous'
  /** A short form (《意见》) the document does not make unambiguous: left unlinked, reported. */
  | 'unresolved'
  /** A journal, newspaper, book or programme. */
  | 'not-a-document'
  /** A document citing itself (本《规则》). */
  | 'self';

/** One citation: one 《…》 in one document. */
export interface CitationRecord {
  /** Id of the citing document. */
  from: string;
  /** 1-based line and column in the citing file. */
  line: number;
  column: number;
  /** What is linked in the text: 《…》 and the pinpoint, as written. */
  linked: string;
  /** The title, spaces removed, Simplified. */
  title: string;
  /** Issuer written before the title (区委), if any. */
  issuer?: string;
  /** Article pinpoint as written (第八条第二款) and its anchor (第八条). */
  pinpoint?: string;
  anchor?: string;
  kind: CitedKind;
  /** The sentence the citation stands in. */
  sentence: string;
  status: CitationStatus;
  /** Where it points when resolved or missing. */
  target?: { type: 'document'; id: string } | { type: 'missing'; slug: GraphSlug };
  /** How it was resolved: by title, alias, issuer and title, the one version in force, or as a short form of an earlier title. */
  via?: 'title' | 'alias' | 'issuer-and-title' | 'short-form';
  /** Candidate document ids or titles of an ambiguous citation. */
  candidates?: string[];
  /** Why it is unresolved or ambiguous, for `npm run check`. */
  note?: string;
}

/** A cited policy text that is not in the archive. */
export interface MissingText {
  slug: GraphSlug;
  /** The title as most fully written, e.g. 中共北京市海淀区委关于新时代加强和改进人大工作的意见. */
  title: string;
  /** The issuer, when known (海淀区委). */
  issuer?: string;
  /** The region it belongs to, when the title does not say (人大代表联络站工作规则 → 北京市海淀区). */
  region?: string;
  /** How many citations, and from how many documents. */
  count: number;
  documents: string[];
}

/** A role a person is named with in one document. */
export interface RoleRecord {
  /** As written: 区委副书记、代区长. */
  role: string;
  /** `national` or full region. */
  scope: string;
  /** The document's date, if any. */
  date?: string;
  document: string;
}

/** A person, body or meeting with its page. */
export interface EntityRecord {
  kind: EntityKind;
  key: string;
  slug: GraphSlug;
  name: string;
  /** `national` or full region. */
  scope: string;
  /** People: the roles they are named with. */
  roles?: RoleRecord[];
  /** Documents that mention it, with how often and the first sentence that does. */
  documents: Array<{ id: string; count: number; sentence: string }>;
}

/** A related document, with the reasons. */
export interface RelatedRecord {
  id: string;
  score: number;
  /** Human reasons: 共同引用, 共同提及, 同地区同类型, 内容相近. */
  reasons: string[];
}

/** What the Markdown plugin needs to link one document. */
export interface DocumentLinks {
  /** The citations of the document in order: what is linked and where to (undefined: leave as text). */
  citations: Array<{ linked: string; href?: string; title?: string; missing?: boolean }>;
  /** People known for this document, found by bare name. */
  people: Array<{ name: string; key: string; scope?: string }>;
  /** The document's own meeting, when it is an entity. */
  ownMeeting?: { written: string; key: string; name: string; scope: string };
  /** Region, for scoping 区委 and the like. */
  region?: string;
  /** False for rules: they name roles (市长应当…), never people. */
  roles?: false;
  /**
   * The entities the document mentions (its `mentions`), with their pages:
   * the plugin links only these, so a document's rendering depends on its own
   * links and nothing else in the graph (see src/lib/graph/link-index.ts).
   */
  entities: Record<string, { href: string; label: string; kind: EntityKind }>;
}

/** The whole graph. */
export interface GraphData {
  /** Every citation, by citing document then position. */
  citations: CitationRecord[];
  missing: MissingText[];
  entities: EntityRecord[];
  /** Entity keys each document mentions, in order of first mention. */
  mentions: Record<string, string[]>;
  related: Record<string, RelatedRecord[]>;
  links: Record<string, DocumentLinks>;
  /** The documents, for the graph view and for labels of missing-text pages. */
  documents: Record<string, { title: string; type: string; region?: string; date?: string; file?: string }>;
}
