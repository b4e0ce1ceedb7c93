/**
 * `node scripts/build-graph.ts`: computes the citation and entity graph of
 * the content folder (WENYUAN_CONTENT_DIR, default content/) into the build
 * cache (WENYUAN_CACHE_DIR, default node_modules/.astro), where the next
 * `astro build` of the same files finds it. The build computes it itself when
 * it is not there; this script lets benchmarks time the graph on its own.
 */
import { loadContentGraph } from '../src/data/content-graph.ts';
import { buildCacheDir, contentDir } from '../src/lib/build-paths.ts';

const { graph, cached } = loadContentGraph(contentDir(), { cacheDir: buildCacheDir() });
console.log(
  `graph of ${Object.keys(graph.documents).length} documents ${cached ? 'was cached' : 'computed'}: ` +
    `${graph.citations.length} citations, ${graph.missing.length} missing texts, ${graph.entities.length} entities`,
);
