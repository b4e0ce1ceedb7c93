/**
 * The cache key of each page Astro's incremental build may restore instead
 * of rendering (src/lib/page-cache-key.ts says what a key must cover). Each
 * key is made from what its page shows and nothing else, so one edited
 * document re-renders its own pages and the pages that show it (documents
 * that cite it, are cited by it, are related to it or are its neighbours by
 * date, versions of the same rule, the browse pages listing it), and no
 * other. A document's `digest` (Astro's, joined by its links' digest,
 * src/content.config.ts) covers its front matter, its text and its rendered
 * body.
 */
import { citationGraph } from './graph.ts';
import { versionsOf } from './rules.ts';
import { documentEditHref } from './edit-link.ts';
import type { DocumentEntry } from './documents.ts';
import type { MissingText } from '../lib/graph/types.ts';
import { pageCacheKey } from '../lib/page-cache-key.ts';

/** What identifies a document's state: its id, Astro's digest and the validated front matter. */
const state = (doc: DocumentEntry) => [doc.id, doc.digest ?? null, doc.data] as const;

/**
 * What pages print of each of these documents (title, type, region, date),
 * by id in order. Not the graph's `file`, a path for diagnostics: it names
 * the checkout's folder, so it would make every key new on another machine.
 */
function graphRecords(ids: Iterable<string>): Array<[string, unknown]> {
  const documents = citationGraph().data.documents;
  return [...new Set(ids)].sort().map((id) => {
    const record = documents[id];
    return [id, record ? [record.title, record.type, record.region ?? null, record.date ?? null] : null];
  });
}

/** The versions of a document's rule, each in full: pages print their dates and titles, and compare their texts. */
async function versionStates(doc: DocumentEntry) {
  return (await versionsOf(doc)).map((version) => state(version.entry));
}

/** The key of a document's page (src/pages/documents/[id].astro). */
export async function documentPageKey(doc: DocumentEntry, newer: DocumentEntry | undefined, older: DocumentEntry | undefined): Promise<string> {
  const graph = citationGraph();
  const cites = graph.citationsFrom(doc.id);
  const citedBy = graph.citedBy(doc.id);
  const related = graph.related(doc.id);
  const shown = [
    ...cites.flatMap((c) => (c.target?.type === 'document' ? [c.target.id] : [])),
    ...citedBy.map((c) => c.from),
    ...related.map((r) => r.id),
  ];
  // Of a missing text the page shows the title; of an entity its name, scope and link (src/components/CrossReferences.astro,
  // EntityLinks.astro). Not their counts or other mentions, which change with edits elsewhere.
  const missing = cites.flatMap((c) => (c.target?.type === 'missing' ? [[c.target.slug, graph.missingText(c.target.slug)?.title ?? null]] : []));
  const entities = graph.entitiesOf(doc.id).map((e) => [e.kind, e.key, e.slug, e.name, e.scope]);
  return pageCacheKey('document', {
    doc: state(doc),
    newer: newer ? [newer.id, newer.data.title] : null,
    older: older ? [older.id, older.data.title] : null,
    // What src/components/CrossReferences.astro and RelatedDocuments.astro show of each record: not where in the
    // citing file a citation stands, nor a related document's score (which moves with every edit's words).
    cites: cites.map((c) => [c.status, c.target ?? null, c.title, c.kind, c.pinpoint ?? null, c.anchor ?? null]),
    citedBy: citedBy.map((c) => [c.from, c.pinpoint ?? null, c.sentence]),
    related: related.map((r) => [r.id, r.reasons]),
    entities,
    documents: graphRecords(shown),
    missing,
    versions: await versionStates(doc),
    // From the file's path and the repository holding it, neither of which the digest covers.
    edit: documentEditHref(doc) ?? null,
  });
}

/** The key of an article's history across a rule's versions (src/pages/documents/[id]/history/[article].astro). */
export async function historyPageKey(doc: DocumentEntry, articleId: string, label: string): Promise<string> {
  return pageCacheKey('history', { doc: state(doc), articleId, label, versions: await versionStates(doc) });
}

/** The key of the comparison of two versions of a rule (src/pages/documents/[id]/diff/[other].astro). */
export async function diffPageKey(from: DocumentEntry, to: DocumentEntry): Promise<string> {
  return pageCacheKey('diff', { from: state(from), to: state(to), versions: await versionStates(from) });
}

/** The key of one page of a facet value's documents (src/pages/browse/[facet]/[value]/[...page].astro). */
export function browsePageKey(props: { facet: string; value: string; pageDocs: readonly DocumentEntry[]; current: number; total: number; count: number }): string {
  const { facet, value, pageDocs, current, total, count } = props;
  return pageCacheKey('browse', { facet, value, current, total, count, documents: pageDocs.map((doc) => [doc.id, doc.data]) });
}

/** The key of a cited but missing text's page (src/pages/cited/[slug].astro). */
export function missingPageKey(missing: MissingText): string {
  const citations = citationGraph().citationsOfMissing(missing.slug);
  // The page shows each citation's document and sentence (src/pages/cited/[slug].astro).
  return pageCacheKey('missing', { missing, citations: citations.map((c) => [c.from, c.sentence]), documents: graphRecords(citations.map((c) => c.from)) });
}
