/** The graph computed once per build in astro.config.mjs (src/integrations/cross-links.ts). */
declare module 'virtual:wenyuan/graph' {
  const graph: import('./lib/graph/types.ts').GraphData;
  export default graph;
}
declare module 'virtual:wenyuan/link-digests' {
  /** Each document's link digest, by id (src/lib/graph/link-index.ts). */
  const digests: Record<string, string>;
  export default digests;
  /** The graph's file in the build cache. */
  export const graphFile: string;
}
/** The build's scope: all, one partition, or the hub (src/integrations/partition-scope.ts). */
declare module 'virtual:wenyuan/scope' {
  const scope: import('./data/partition-scope.ts').ResolvedScope;
  export default scope;
}
