/**
 * The citation step of `npm run check`: builds the graph of a content folder
 * (as the build does, without related documents) and reports
 *
 * - cited texts not in the archive, most cited first, with where they are
 *   cited — what staff could add next;
 * - citations left unlinked, each as `file:line: rule-id: message`
 *   (`citation/ambiguous`, `citation/unresolved`), and pinpoints to articles
 *   the cited document does not have (`citation/pinpoint`);
 * - titles in 《》 that are neither a policy text nor a known periodical or
 *   book (`citation/unclassified`), so the classifier can learn them.
 *
 * These are warnings: the source texts are what they are; a document with
 * an ambiguous citation still builds.
 */
import { readSourceDocuments } from '../../src/data/content-graph.ts';
import { buildGraph } from '../../src/lib/graph/build.ts';
import type { CitationRecord, GraphData } from '../../src/lib/graph/types.ts';

/** What the step prints, and how many warnings it found. */
export interface CitationReport {
  text: string;
  warnings: number;
  missingTexts: number;
}

function where(graph: GraphData, c: CitationRecord): string {
  return `${graph.documents[c.from]?.file ?? c.from}:${c.line}`;
}

/** The citation report of the documents in `root`. */
export function citationReport(root: string): CitationReport {
  const graph = buildGraph(readSourceDocuments(root), { related: false });
  const lines: string[] = [];
  const resolved = graph.citations.filter((c) => c.status === 'resolved').length;
  const toMissing = graph.citations.filter((c) => c.status === 'missing').length;
  lines.push(
    `Citations: ${graph.citations.length} in ${Object.keys(graph.documents).length} documents; ${resolved} to archive documents, ${toMissing} to ${graph.missing.length} texts not in the archive.`,
  );

  if (graph.missing.length > 0) {
    lines.push('', 'Cited texts not in the archive, most cited first (add one to link its citations):');
    const bySlug = new Map<string, CitationRecord[]>();
    for (const c of graph.citations) {
      if (c.target?.type === 'missing') bySlug.set(c.target.slug, [...(bySlug.get(c.target.slug) ?? []), c]);
    }
    for (const m of graph.missing) {
      const places = bySlug.get(m.slug) ?? [];
      const scope = [m.issuer, m.region && !m.issuer ? m.region : undefined].filter(Boolean).join('，');
      const shown = places.slice(0, 3).map((c) => where(graph, c)).join(', ');
      lines.push(`  ${String(m.count).padStart(4)}×  《${m.title}》${scope ? `（${scope}）` : ''}  ${shown}${places.length > 3 ? ', …' : ''}`);
    }
  }

  const warnings: string[] = [];
  for (const c of graph.citations) {
    if (c.status === 'ambiguous' || c.status === 'unresolved') {
      const candidates = c.candidates ? ` [${c.candidates.join(' | ')}]` : '';
      warnings.push(`${where(graph, c)}: citation/${c.status}: ${c.linked.replace(/\s+/g, '')}: ${c.note ?? ''}${candidates}`);
    } else if (c.status === 'resolved' && c.note && c.pinpoint) {
      warnings.push(`${where(graph, c)}: citation/pinpoint: ${c.linked.replace(/\s+/g, '')}: ${c.note}`);
    } else if (c.status === 'not-a-document' && c.kind === 'unknown') {
      warnings.push(`${where(graph, c)}: citation/unclassified: 《${c.title}》 is neither a known policy text nor a periodical or book: not listed as missing`);
    }
  }
  if (warnings.length > 0) lines.push('', 'Citations left unlinked or imprecise:', ...warnings);
  return { text: lines.join('\n'), warnings: warnings.length, missingTexts: graph.missing.length };
}
