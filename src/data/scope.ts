/**
 * Which pages this build makes (README, "Beyond one machine"): the single
 * build makes all; a partition build only its documents' pages; the hub
 * only what spans partitions. Pages with `getStaticPaths` ask here.
 */
import scope from 'virtual:wenyuan/scope';

const owned = scope.owned === null ? null : new Set(scope.owned);
const rendered = scope.rendered === null ? null : new Set(scope.rendered);

/** Whether this build makes the pages of document `id`. */
export function ownsDocument(id: string): boolean {
  return owned === null || owned.has(id);
}

/** Whether this build renders the Markdown of document `id` (its own, and versions its comparisons read). */
export function rendersDocument(id: string): boolean {
  return rendered === null || rendered.has(id);
}

/** Whether this build makes the pages that span partitions (browse, entities, cited texts, feeds): the single build and the hub. */
export function spansPartitions(): boolean {
  return scope.kind !== 'partition';
}

/** The partition being built, if this is a partition build. */
export function partitionName(): string | undefined {
  return scope.name;
}
