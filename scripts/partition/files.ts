/**
 * Which files of a partition build's output belong to the merged site: its
 * documents' pages and files (`documents/<id>/…`, `documents/<id>.<ext>`),
 * its search shards, and the hashed assets its pages use (`_astro/`, the
 * same in every build of the same code; the hub checks that).
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../src/lib/files.ts';
import { shardPath } from '../../src/lib/search/shards.ts';

/** `/`-separated path of `file` under `dir`. */
function relative(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** The files of partition `name` under `outDir` (sorted) and its shards' URL paths, in shard order. */
export function partitionFiles(outDir: string, name: string, documents: readonly string[]): { files: string[]; shards: string[] } {
  const own = new Set(documents);
  const shards: string[] = [];
  for (let shard = 0; ; shard++) {
    const url = shardPath(shard, name);
    try {
      readdirSync(path.join(outDir, url));
    } catch {
      break;
    }
    shards.push(url);
  }
  const shardFolders = shards.map((url) => url.slice(1));
  const files = filesUnder(outDir)
    .map((file) => relative(outDir, file))
    .filter((file) => {
      if (file.startsWith('_astro/') || shardFolders.some((folder) => file.startsWith(folder))) return true;
      // A document's files: <id>.md … <id>.csl.json, <id>.preview.json, <id>.preview-2.json.
      const match = /^documents\/([^/]+?)(?:\/|\.[a-z0-9.-]+$)/.exec(file);
      return match !== null && own.has(match[1]!);
    })
    .sort();
  return { files, shards };
}

/** Removes every file under `dir` not in `keep`, and the folders left empty. */
export function keepOnly(dir: string, keep: ReadonlySet<string>): void {
  for (const file of filesUnder(dir)) if (!keep.has(relative(dir, file))) rmSync(file);
  const prune = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && prune(path.join(folder, entry.name))) rmSync(path.join(folder, entry.name), { recursive: true });
      else empty = false;
    }
    return empty;
  };
  prune(dir);
}
