/**
 * The part of the graph the Markdown plugin reads while rendering: per
 * document, its citations in order with their targets, the people it knows
 * by name, and which entities have pages. The data sits in private fields so
 * that serialising the index (Astro hashes its configuration, plugin options
 * included, to decide whether cached renders are still valid) yields only
 * its `digest`: a change anywhere in the graph re-renders every document,
 * and an unchanged graph keeps the cache.
 */
import type { DocumentLinks, GraphData } from './types.ts';
import { entityHref } from './urls.ts';
import type { EntityKind } from '../entities/mentions.ts';

/** Lookup of links for the remark plugin, built from a {@link GraphData}. */
export class CrossLinkIndex {
  /** Digest of the graph the index was built from. */
  readonly digest: string;
  readonly #links: Record<string, DocumentLinks>;
  readonly #entities: Map<string, { href: string; label: string; kind: EntityKind }>;

  constructor(graph: Pick<GraphData, 'digest' | 'links' | 'entities'>) {
    this.digest = graph.digest;
    this.#links = graph.links;
    this.#entities = new Map(
      graph.entities.map((e) => [e.key, { href: entityHref(e.kind, e.slug), label: e.name, kind: e.kind }]),
    );
  }

  /** What to link in document `id`; undefined for a document the graph does not know. */
  forDocument(id: string): DocumentLinks | undefined {
    return Object.hasOwn(this.#links, id) ? this.#links[id] : undefined;
  }

  /** The page of an entity, if it has one. */
  entity(key: string): { href: string; label: string; kind: EntityKind } | undefined {
    return this.#entities.get(key);
  }

  /** Serialises as its digest only (see the module comment). */
  toJSON(): { digest: string } {
    return { digest: this.digest };
  }
}
