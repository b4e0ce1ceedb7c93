/**
 * Listing and fingerprinting files, shared by the build's caches, the
 * content check and the benchmarks.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Files under `dir` (recursively) whose names end with one of `extensions`, sorted; none when `dir` is missing. */
export function filesUnder(dir: string, extensions: readonly string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The archive's documents under `dir`: Markdown and MDX files, sorted. */
export function markdownFiles(dir: string): string[] {
  return filesUnder(dir, ['.md', '.mdx']);
}

/** sha256 (hex) of `files`' paths relative to `root` and their bytes: changes when any of them does. */
export function digestOfFiles(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
