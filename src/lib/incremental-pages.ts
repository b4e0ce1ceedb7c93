/**
 * Which pages Astro's incremental build (`experimental.incrementalBuild`)
 * rendered in a build rather than restored: it keeps a copy of every keyed
 * page it renders in `<cacheDir>/dist/`, writing it anew when it renders
 * the page and leaving it as it was when it restores the page from it. So
 * the copies written since a build started are that build's rendered pages.
 * Benchmarks and tests read it; the build does not.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files.ts';

/** Where Astro keeps its copies of keyed pages, inside the build cache. */
export function incrementalCopies(cacheDir: string): string {
  return path.join(cacheDir, 'dist');
}

/** Output paths (`documents/x/index.html`) of the keyed pages in the cache: those rendered since `sinceMs` (a `Date.now()` value), and all. */
export function keyedPages(cacheDir: string, sinceMs: number): { rendered: string[]; all: number } {
  const dir = incrementalCopies(cacheDir);
  const files = filesUnder(dir);
  const rendered = files.filter((file) => statSync(file).mtimeMs >= sinceMs).map((file) => path.relative(dir, file).split(path.sep).join('/'));
  return { rendered, all: files.length };
}
