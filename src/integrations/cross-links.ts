/**
 * Hands the graph computed in astro.config.mjs to the build:
 * - `virtual:wenyuan/graph`, the whole graph, for pages (see src/data/graph.ts);
 * - `virtual:wenyuan/link-digests`, each document's link digest, for the
 *   content loader (src/content.config.ts), so Astro's content cache
 *   re-renders a document exactly when its text or its links change; and
 *   the graph's cache file, from which the loader's render workers read it.
 * The graph is computed once per build; pages read it, never recompute it.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { CrossLinkIndex } from '../lib/graph/link-index.ts';

/** Where the pages' graph module finds the graph's file (set by {@link crossLinks} in the building process). */
export const GRAPH_FILE_VARIABLE = 'WENYUAN_PAGES_GRAPH_FILE';

/**
 * The integration serving `virtual:wenyuan/graph` and `virtual:wenyuan/link-digests`.
 * The graph module reads the graph's file in the build cache when the pages
 * load, instead of carrying the graph in the bundle: tens of megabytes at
 * 10,000 documents that Vite would otherwise parse and bundle.
 */
export function crossLinks(index: CrossLinkIndex, graphFile: string): AstroIntegration {
  const file = JSON.stringify(path.resolve(graphFile));
  // The pages' module names no file: the graph's file is named by its digest, and Astro's
  // incremental build hashes every module's code, so a path in the code would make every
  // page look changed whenever the graph did. The pages render in this process and read
  // the path from its environment; what the graph says about a page is in its cache key.
  process.env[GRAPH_FILE_VARIABLE] = path.resolve(graphFile);
  const modules = new Map<string, () => string>([
    [
      'virtual:wenyuan/graph',
      () =>
        `import { readFileSync } from 'node:fs';\n` +
        `const file = process.env.${GRAPH_FILE_VARIABLE};\n` +
        `if (!file) throw new Error('${GRAPH_FILE_VARIABLE} is not set: the graph module runs only in the process that loaded astro.config.mjs');\n` +
        `export default JSON.parse(readFileSync(file, 'utf8'));`,
    ],
    // JSON.parse of a string literal is faster to load than the same data as an object literal.
    ['virtual:wenyuan/link-digests', () => `export default JSON.parse(${JSON.stringify(JSON.stringify(index.digests()))});\nexport const graphFile = ${file};`],
  ]);
  return {
    name: 'wenyuan-cross-links',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'wenyuan-graph',
                resolveId: (id: string) => (modules.has(id) ? `\0${id}` : undefined),
                load: (id: string) => (id.startsWith('\0') ? modules.get(id.slice(1))?.() : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
