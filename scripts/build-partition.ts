/**
 * `npm run build:partition -- <name> --graph graph.json [--out D] [--cache D]`:
 * builds one partition of wenyuan.partitions.json (README, "Beyond one
 * machine"): its documents' pages and files and its own search shards
 * (`pagefind-<name>/` …), linked with the given graph, into D (default
 * dist-partitions/<name>/), with a manifest (`wenyuan-partition.json`) for
 * the hub. Everything else Astro made is left out of D.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveScope } from '../src/data/partition-scope.ts';
import { MANIFEST_FILE, type PartitionManifest } from '../src/lib/partition-manifest.ts';
import { astroBuild } from './partition/astro-build.ts';
import { cacheDirOf, parseArguments } from './partition/options.ts';
import { keepOnly, partitionFiles } from './partition/files.ts';
import { buildVersions } from './partition/versions.ts';

try {
  const options = parseArguments(process.argv.slice(2));
  const [name, ...extra] = options.rest;
  if (!name || extra.length > 0) throw new Error('usage: npm run build:partition -- <name> --graph graph.json [--out D] [--cache D]');
  const outDir = options.outDir ?? path.resolve('dist-partitions', name);
  const cacheDir = cacheDirOf(options, `partition-${name}`);
  // Checks the partitions (every document in exactly one) and names this one's documents.
  const scope = resolveScope({ kind: 'partition', name }, options.contentDir, options.partitionsFile);
  const versions = buildVersions(options.graphFile, options.partitionsFile);
  const started = performance.now();
  astroBuild(
    {
      WENYUAN_PARTITION: name,
      WENYUAN_CONTENT_DIR: options.contentDir,
      WENYUAN_PARTITIONS_FILE: options.partitionsFile,
      WENYUAN_GRAPH_FILE: options.graphFile,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: cacheDir,
    },
    `partition ${name}`,
  );
  const summaryFile = path.join(outDir, 'wenyuan-partition', `${name}.json`);
  const { summaries } = JSON.parse(readFileSync(summaryFile, 'utf8')) as Pick<PartitionManifest, 'summaries'>;
  rmSync(path.dirname(summaryFile), { recursive: true, force: true });
  const owned = scope.owned ?? [];
  const { files, shards } = partitionFiles(outDir, name, owned);
  keepOnly(outDir, new Set(files));
  const manifest: PartitionManifest = { ...versions, name, documents: owned, files, shards, summaries };
  writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`partition ${name}: ${owned.length} documents, ${files.length} files, ${shards.length} search shard(s) in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${outDir}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
