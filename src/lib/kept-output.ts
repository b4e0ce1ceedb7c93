/**
 * The output folder kept from one build to the next.
 *
 * Astro empties the output folder before every build, and its incremental
 * build then copies each unchanged page back from its cache: about 0.8 ms a
 * page, some 45 s for the 53,000 pages of a 10,000-document archive. A page
 * already in the output folder is left where it is instead (Astro's
 * "cached", generate.js), which is right only when the folder holds, as it
 * was, what the last finished build with the same cache wrote. So:
 *
 * - at the start, the folder is kept only when the stamp the last finished
 *   build left in the cache names this folder and the folder's own entry is
 *   as that build left it (same inode and modification time: anything added
 *   to or removed from the folder's top level since changes it); otherwise
 *   it is emptied, as Astro would have done. The stamp is then removed, so
 *   a build that fails leaves no stamp and the next one starts empty;
 * - at the end, every file this build neither wrote (modified after the
 *   last build finished) nor kept (a page Astro found in place, a search
 *   bundle linked from the index cache: `kept`) is removed, with the folders
 *   left empty, so a deleted document's page and files and an old script
 *   bundle go as they would with an emptied folder; then the stamp is
 *   written.
 *
 * The output folder belongs to the build: a file edited by hand in it is
 * not noticed (as with any build tool that keeps its output).
 */
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, rmdirSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

/** What the last finished build left in the cache about its output folder. */
export interface OutputStamp {
  version: 1;
  /** The output folder, absolute, symbolic links resolved (one folder reached by two paths is one folder). */
  outDir: string;
  /** The folder's own entry when the build finished. */
  dev: number;
  ino: number;
  mtimeMs: number;
  /** When the build finished (ms since the epoch, by the output folder's file system clock): every file it wrote is older. */
  finishedAt: number;
}

const STAMP_FILE = 'wenyuan-output.json';

/** Where the stamp is kept in a build cache. */
export function stampFile(cacheDir: string): string {
  return path.join(cacheDir, STAMP_FILE);
}

function folderStats(dir: string): Stats | undefined {
  try {
    const stats = statSync(dir);
    return stats.isDirectory() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp in `cacheDir`, when there is one that this code can read. */
export function readStamp(cacheDir: string): OutputStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(cacheDir), 'utf8')) as Partial<OutputStamp>;
    return stamp.version === 1 && typeof stamp.outDir === 'string' && typeof stamp.finishedAt === 'number' ? (stamp as OutputStamp) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stamp of `outDir` when the folder is, untouched, the output of the
 * last build that finished with `cacheDir`; undefined otherwise (no stamp,
 * another folder, or the folder changed since).
 */
export function keptStamp(outDir: string, cacheDir: string): OutputStamp | undefined {
  const stamp = readStamp(cacheDir);
  const stats = folderStats(outDir);
  if (!stamp || !stats) return undefined;
  const same = stamp.outDir === realpathSync(outDir) && stamp.dev === stats.dev && stamp.ino === stats.ino && stamp.mtimeMs === stats.mtimeMs;
  return same ? stamp : undefined;
}

/** Removes everything in `outDir` but a `.git` folder, as Astro's own emptying does. */
export function emptyOutput(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) if (name !== '.git') rmSync(path.join(outDir, name), { recursive: true, force: true, maxRetries: 3 });
}

/**
 * At the start of a build: keeps `outDir` when it is the last finished
 * build's output ({@link keptStamp}), else empties it; removes the stamp
 * either way. Returns the kept folder's stamp, which {@link pruneOutput}
 * needs at the end.
 */
export function startOutput(outDir: string, cacheDir: string): OutputStamp | undefined {
  const stamp = keptStamp(outDir, cacheDir);
  if (!stamp) emptyOutput(outDir);
  rmSync(stampFile(cacheDir), { force: true });
  return stamp;
}

/**
 * Top-level folders of the output the prune neither walks nor empties: a
 * `.git` folder (a checkout of the published branch, as Astro's own emptying
 * keeps it), and the folders `leftAlone` names, which other steps write while
 * the build runs and clean up themselves (the search bundles).
 */
function skipped(name: string, leftAlone: ((folder: string) => boolean) | undefined): boolean {
  return name === '.git' || (leftAlone?.(name) ?? false);
}

/** Files under `dir`, relative to it with `/` between folders, and their stats; skipped top-level folders left out. */
function* filesWithStats(dir: string, leftAlone: ((folder: string) => boolean) | undefined, prefix = ''): Generator<[string, Stats]> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (prefix === '' && entry.isDirectory() && skipped(entry.name, leftAlone)) continue;
    const relative = prefix + entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesWithStats(full, leftAlone, `${relative}/`);
    else yield [relative, statSync(full)];
  }
}

/** Removes the empty folders under `dir` (not `dir` itself), skipped top-level folders left as they are; returns whether `dir` is now empty. */
function removeEmptyFolders(dir: string, leftAlone: ((folder: string) => boolean) | undefined, topLevel = true): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !(topLevel && skipped(entry.name, leftAlone)) && removeEmptyFolders(full, leftAlone, false)) rmdirSync(full);
    else empty = false;
  }
  return empty;
}

/**
 * At the end of a build into a kept folder: removes every file the build
 * did not write (last modified no later than `stamp.finishedAt`) unless
 * `kept(relativePath)` says the build kept it in place, then the folders
 * left empty; a `.git` folder and the top-level folders `leftAlone` names
 * are not looked into. Returns the removed files' relative paths, sorted.
 */
export function pruneOutput(outDir: string, stamp: OutputStamp, kept: (relative: string) => boolean, leftAlone?: (folder: string) => boolean): string[] {
  const removed: string[] = [];
  for (const [relative, stats] of filesWithStats(outDir, leftAlone)) {
    if (stats.mtimeMs > stamp.finishedAt || kept(relative)) continue;
    rmSync(path.join(outDir, relative), { force: true });
    removed.push(relative);
  }
  if (removed.length > 0) removeEmptyFolders(outDir, leftAlone);
  return removed.sort();
}

/**
 * The output folder's file system clock now: the modification time of a file
 * written there and removed at once. The prune compares the next build's
 * files' times with it, so both come from one clock (a network or shared
 * file system's may differ from this machine's).
 */
function folderClock(outDir: string): number {
  const probe = path.join(outDir, `.wenyuan-clock-${process.pid}`);
  writeFileSync(probe, '');
  try {
    return statSync(probe).mtimeMs;
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * At the end of a finished build: the stamp saying `outDir` is its output, as
 * it is now; `finishedAt` defaults to the folder's file system clock.
 */
export function stampOutput(outDir: string, cacheDir: string, finishedAt?: number): OutputStamp | undefined {
  if (!folderStats(outDir)) return undefined;
  finishedAt ??= folderClock(outDir);
  const stats = folderStats(outDir);
  if (!stats) return undefined;
  const stamp: OutputStamp = { version: 1, outDir: realpathSync(outDir), dev: stats.dev, ino: stats.ino, mtimeMs: stats.mtimeMs, finishedAt };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stampFile(cacheDir), `${JSON.stringify(stamp)}\n`);
  return stamp;
}
