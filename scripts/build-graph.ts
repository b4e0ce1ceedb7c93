/**
 * `node scripts/build-graph.ts [--out graph.json]`: computes the citation and
 * entity graph of the content folder (WENYUAN_CONTENT_DIR, default content/)
 * into the build cache (WENYUAN_CACHE_DIR, default node_modules/.astro),
 * where the next `astro build` of the same files finds it. The build
 * computes it itself when it is not there; this script lets benchmarks time
 * the graph on its own. With `--out`, the graph is also written to that
 * file: the one file a partitioned build hands to every partition and the
 * hub (README, "Beyond one machine").
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadContentGraph } from '../src/data/content-graph.ts';
import { buildCacheDir, contentDir } from '../src/lib/build-paths.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !out) {
  console.error('usage: node scripts/build-graph.ts [--out graph.json]');
  process.exit(1);
}

const { graph, cached, file } = loadContentGraph(contentDir(), { cacheDir: buildCacheDir() });
if (out) {
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  copyFileSync(file, out);
}
console.log(
  `graph of ${Object.keys(graph.documents).length} documents ${cached ? 'was cached' : 'computed'}: ` +
    `${graph.citations.length} citations, ${graph.missing.length} missing texts, ${graph.entities.length} entities` +
    (out ? `; written to ${out}` : ''),
);
