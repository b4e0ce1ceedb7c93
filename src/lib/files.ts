/**
 * Listing and fingerprinting files, shared by the build's caches, the
 * content check and the benchmarks.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Files under `dir` (recursively) whose names end with one of `extensions` (all files when omitted), sorted; none when `dir` is missing. */
export function filesUnder(dir: string, extensions: readonly string[] = ['']): string[] {
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

/** sha256 (hex) of files' paths relative to `root` and their contents, already read: changes when any of them does. */
export function digestOfContents(root: string, files: ReadonlyArray<{ file: string; contents: string | Buffer }>): string {
  const hash = createHash('sha256');
  for (const { file, contents } of files) hash.update(path.relative(root, file)).update('\0').update(contents).update('\0');
  return hash.digest('hex');
}

/** sha256 (hex) of `files`' paths relative to `root` and their bytes: changes when any of them does. */
export function digestOfFiles(root: string, files: readonly string[]): string {
  return digestOfContents(root, files.map((file) => ({ file, contents: readFileSync(file) })));
}

/** sha256 (hex) of every file under `dir`, keyed by its path relative to `dir`: how benchmarks and tests compare two builds byte for byte. */
export function fileHashes(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

/** Relative paths whose bytes differ between two {@link fileHashes} maps, or that only one of them has, sorted. */
export function differingFiles(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

/**
 * Puts a copy of the folder `from` at `to` (which must not exist) as hard
 * links where the file system allows, else as copies: the build cache and
 * dist/ hold the same never-modified index files, and linking tens of
 * thousands of them costs a fraction of copying. Neither side is ever
 * written in place (a new build replaces files, it does not edit them).
 */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await linkTree(source, target);
      continue;
    }
    try {
      await link(source, target);
    } catch {
      await copyFile(source, target);
    }
  }
}
