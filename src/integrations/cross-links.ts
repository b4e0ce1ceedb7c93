/**
 * Hands the graph computed in astro.config.mjs to the pages as the virtual
 * module `virtual:wenyuan/graph` (see src/data/graph.ts). The graph is
 * computed once per build; pages read it, never recompute it.
 */
import type { AstroIntegration } from 'astro';
import type { GraphData } from '../lib/graph/types.ts';

const MODULE_ID = 'virtual:wenyuan/graph';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** The integration serving `virtual:wenyuan/graph`. */
export function crossLinks(graph: GraphData): AstroIntegration {
  return {
    name: 'wenyuan-cross-links',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'wenyuan-graph',
                resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                // JSON.parse of a string literal is faster to load than the same data as an object literal.
                load: (id: string) => (id === RESOLVED_ID ? `export default JSON.parse(${JSON.stringify(JSON.stringify(graph))});` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
