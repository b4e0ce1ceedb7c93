/**
 * `npm run build:hub -- --graph graph.json [--out dist] <partition folder>…`:
 * the hub of a partitioned build (README, "Beyond one machine"). Checks that
 * the partitions belong together (same graph, schema, code and partitions
 * file; each partition once, holding exactly its documents), builds what
 * spans partitions — home, browse and facet pages, people, bodies, meetings,
 * cited texts, the graph, feeds, sitemap and data files — and merges the
 * partitions' pages and search shards into one site.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPartitionConfig, partitionMembers, readDocumentFacts } from '../src/data/partition-scope.ts';
import { MANIFEST_FILE, manifestProblems, type HubInput, type PartitionManifest } from '../src/lib/partition-manifest.ts';
import { astroBuild } from './partition/astro-build.ts';
import { mergePartitions, type PartitionOutput } from './partition/merge.ts';
import { cacheDirOf, parseArguments } from './partition/options.ts';
import { buildVersions } from './partition/versions.ts';

function readManifest(dir: string): PartitionOutput {
  const file = path.join(dir, MANIFEST_FILE);
  try {
    return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as PartitionManifest };
  } catch (error) {
    throw new Error(`${dir} is not a partition build (no readable ${MANIFEST_FILE}: ${(error as Error).message})`);
  }
}

/** URL path of a page file: documents/x/index.html → /documents/x/. */
function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

try {
  const options = parseArguments(process.argv.slice(2));
  if (options.rest.length === 0) throw new Error('usage: npm run build:hub -- --graph graph.json [--out dist] <partition folder>…');
  const outDir = options.outDir ?? path.resolve('dist');
  const cacheDir = cacheDirOf(options, 'hub');
  const config = loadPartitionConfig(options.partitionsFile);
  const members = partitionMembers(config, readDocumentFacts(options.contentDir));
  const outputs = options.rest.map((dir) => readManifest(path.resolve(dir)));
  const problems = manifestProblems({ ...buildVersions(options.graphFile, options.partitionsFile), members }, outputs.map((o) => o.manifest));
  if (problems.length > 0) throw new Error(`The hub refuses these partitions; build them again from this checkout, content and graph file:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const input: HubInput = {
    pages: outputs.flatMap((o) => o.manifest.files.filter((file) => file.endsWith('index.html')).map(pageUrl)),
    summaries: Object.assign({}, ...outputs.map((o) => o.manifest.summaries)) as HubInput['summaries'],
  };
  mkdirSync(cacheDir, { recursive: true });
  const inputFile = path.join(cacheDir, 'wenyuan-hub-input.json');
  writeFileSync(inputFile, JSON.stringify(input));
  const started = performance.now();
  astroBuild(
    {
      WENYUAN_HUB: '1',
      WENYUAN_HUB_INPUT: inputFile,
      WENYUAN_CONTENT_DIR: options.contentDir,
      WENYUAN_PARTITIONS_FILE: options.partitionsFile,
      WENYUAN_GRAPH_FILE: options.graphFile,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: cacheDir,
    },
    'hub',
  );
  const copied = mergePartitions(outDir, config, outputs);
  console.log(`hub: built and merged ${outputs.length} partition(s), ${copied} files copied, in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${outDir}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
