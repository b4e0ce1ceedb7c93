/**
 * Merges partition outputs into the hub's `dist/`: each partition's files
 * copied in beside the hub's pages (a file the hub already has is an error,
 * except the hashed assets in `_astro/`, which must then be byte-identical),
 * and one search settings file listing every partition's shards with its
 * key, so the browser searches them all, or only those a filter can match,
 * and the page ids that several partitions' bundles hold.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PartitionConfig } from '../../src/lib/partitions.ts';
import type { PartitionManifest } from '../../src/lib/partition-manifest.ts';
import { SEARCH_SETTINGS_FILE, settingsBundles, type SearchSettings } from '../../src/lib/search/settings.ts';
import { bundlePageIds, sharedPageIds } from '../../src/lib/search/shared-ids.ts';

/** One partition's output folder and its manifest. */
export interface PartitionOutput {
  dir: string;
  manifest: PartitionManifest;
}

/** Copies the partitions into `outDir` and writes the merged search settings; returns how many files were copied. */
export function mergePartitions(outDir: string, config: PartitionConfig, outputs: readonly PartitionOutput[]): number {
  let copied = 0;
  for (const { dir, manifest } of outputs) {
    for (const file of manifest.files) {
      const source = path.join(dir, file);
      const target = path.join(outDir, file);
      if (existsSync(target)) {
        if (file.startsWith('_astro/') && readFileSync(source).equals(readFileSync(target))) continue;
        throw new Error(`partition "${manifest.name}" and the hub both made ${file}${file.startsWith('_astro/') ? ', with different contents (built from different code?)' : ''}`);
      }
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
      copied++;
    }
  }
  const byName = new Map(outputs.map((output) => [output.manifest.name, output]));
  const partitions = config.partitions.map((partition) => ({ ...partition, shards: byName.get(partition.name)!.manifest.shards }));
  const first = outputs.find((output) => output.manifest.shards.length > 0);
  if (!first) throw new Error('no partition has a search index');
  // Pagefind's scripts, which pages load from /pagefind/ (the same in every bundle of one Pagefind version).
  const bundle = path.join(first.dir, first.manifest.shards[0]!);
  const primary = path.join(outDir, 'pagefind');
  mkdirSync(primary, { recursive: true });
  for (const name of readdirSync(bundle)) if (/\.(js|css)$/.test(name)) copyFileSync(path.join(bundle, name), path.join(primary, name));
  const own = JSON.parse(readFileSync(path.join(bundle, SEARCH_SETTINGS_FILE), 'utf8')) as SearchSettings;
  // Pagefind's page ids are unique within a bundle only; the engine must know the ids that several bundles hold.
  const settings: SearchSettings = { version: 1, t2s: own.t2s, shards: [], partitions };
  const sharedIds = sharedPageIds(settingsBundles(settings).map((bundle) => bundlePageIds(path.join(outDir, bundle))));
  if (sharedIds.length > 0) settings.sharedIds = sharedIds;
  writeFileSync(path.join(primary, SEARCH_SETTINGS_FILE), JSON.stringify(settings));
  return copied;
}
