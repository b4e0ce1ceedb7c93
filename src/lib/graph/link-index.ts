/**
 * The part of the graph the Markdown plugin reads while rendering: per
 * document, its citations in order with their targets, the people it knows
 * by name and the entities it mentions with their pages. A document's
 * rendering depends on its text and its own entry here, nothing else.
 *
 * That is what makes rebuilds incremental. Astro keeps rendered documents in
 * its content cache and re-renders one when its digest changes; it also
 * clears the whole cache when the configuration (plugin options included)
 * serialises differently. So the index serialises as a constant, and
 * src/content.config.ts adds each document's {@link CrossLinkIndex.digestOf}
 * to that document's digest: a document is re-rendered when its text or its
 * links change, and only then.
 */
import { createHash } from 'node:crypto';
import type { DocumentLinks, GraphData } from './types.ts';

/** Lookup of links for the remark plugin, built from a {@link GraphData}. */
export class CrossLinkIndex {
  readonly #links: Record<string, DocumentLinks>;
  readonly #digests = new Map<string, string>();

  constructor(graph: Pick<GraphData, 'links'>) {
    this.#links = graph.links;
  }

  /** What to link in document `id`; undefined for a document the graph does not know. */
  forDocument(id: string): DocumentLinks | undefined {
    return Object.hasOwn(this.#links, id) ? this.#links[id] : undefined;
  }

  /** Digest of everything the plugin reads for document `id` ('' when the graph does not know it). */
  digestOf(id: string): string {
    let digest = this.#digests.get(id);
    if (digest === undefined) {
      const links = this.forDocument(id);
      digest = links ? createHash('sha256').update(JSON.stringify(links)).digest('hex').slice(0, 16) : '';
      this.#digests.set(id, digest);
    }
    return digest;
  }

  /** Every document's digest, by id. */
  digests(): Record<string, string> {
    return Object.fromEntries(Object.keys(this.#links).map((id) => [id, this.digestOf(id)]));
  }

  /** Serialises as a constant (see the module comment): per-document digests do the invalidating. */
  toJSON(): { links: 'per-document digest' } {
    return { links: 'per-document digest' };
  }
}
