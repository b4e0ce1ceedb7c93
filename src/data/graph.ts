/**
 * The citation and entity graph for pages: the data computed once per build
 * (src/data/content-graph.ts, via `virtual:wenyuan/graph`), indexed once for
 * the questions pages ask — what a document cites, who cites it (the graph
 * reversed), what it mentions, what is related.
 */
import graphData from 'virtual:wenyuan/graph';
import type { EntityKind } from '../lib/entities/mentions.ts';
import type { CitationRecord, EntityRecord, GraphData, MissingText, RelatedRecord } from '../lib/graph/types.ts';

/** The graph with lookups. */
export interface CitationGraph {
  data: GraphData;
  /** Citations a document makes, in reading order. */
  citationsFrom(id: string): CitationRecord[];
  /** Citations of a document by others (its backlinks), by citing document then position. */
  citedBy(id: string): CitationRecord[];
  /** Citations of a missing text. */
  citationsOfMissing(slug: string): CitationRecord[];
  /** Missing texts, most cited first. */
  missing: MissingText[];
  missingText(slug: string): MissingText | undefined;
  /** Entities of a kind, by name. */
  entities(kind: EntityKind): EntityRecord[];
  entity(key: string): EntityRecord | undefined;
  /** Entities a document mentions, in order of first mention. */
  entitiesOf(id: string): EntityRecord[];
  related(id: string): RelatedRecord[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

let cache: CitationGraph | undefined;

/** The graph, indexed once. */
export function citationGraph(): CitationGraph {
  if (cache) return cache;
  const data = graphData;
  const from = groupBy(data.citations, (c) => c.from);
  const to = groupBy(data.citations, (c) => (c.target?.type === 'document' ? c.target.id : undefined));
  const toMissing = groupBy(data.citations, (c) => (c.target?.type === 'missing' ? c.target.slug : undefined));
  const missingBySlug = new Map(data.missing.map((m) => [m.slug as string, m]));
  const byKey = new Map(data.entities.map((e) => [e.key, e]));
  const byKind = groupBy(data.entities, (e) => e.kind);
  for (const list of byKind.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : 1));
  cache = {
    data,
    citationsFrom: (id) => from.get(id) ?? [],
    citedBy: (id) => to.get(id) ?? [],
    citationsOfMissing: (slug) => toMissing.get(slug) ?? [],
    missing: data.missing,
    missingText: (slug) => missingBySlug.get(slug),
    entities: (kind) => byKind.get(kind) ?? [],
    entity: (key) => byKey.get(key),
    entitiesOf: (id) => (data.mentions[id] ?? []).map((k) => byKey.get(k)).filter((e): e is EntityRecord => e !== undefined),
    related: (id) => data.related[id] ?? [],
  };
  return cache;
}
