/** The graph computed once per build in astro.config.mjs (src/integrations/cross-links.ts). */
declare module 'virtual:wenyuan/graph' {
  const graph: import('./lib/graph/types.ts').GraphData;
  export default graph;
}
