/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose route code is unchanged (Astro hashes the bundled modules)
 * and whose cache key is the previous build's is not rendered again; Astro
 * restores its file from the build cache. So a key must change whenever
 * anything else the page shows changes: the documents it shows, the graph's
 * records about them, and the environment the pages read at run time.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { digestOfFiles, filesUnder } from './files.ts';

/**
 * Bump when a key's recipe changes, so keys made the old way never match.
 * (Keys made by an older recipe that missed an input would otherwise keep
 * stale pages.)
 */
export const PAGE_KEY_VERSION = 3;

/**
 * Where astro.config.mjs puts {@link siteCodeDigest} for the keys. Astro's
 * own hash of a route's modules does not cover the names of the CSS and
 * script files its pages link to, which depend on how the whole site is
 * bundled; so any change to the site's code makes every key new, and only
 * content edits are rebuilt page by page.
 */
export const SITE_CODE_VARIABLE = 'WENYUAN_PAGES_CODE_DIGEST';

/** Digest of the site's code: everything under `src/`, and astro.config.mjs and package-lock.json, under `root`. */
export function siteCodeDigest(root: string): string {
  const files = [...filesUnder(path.join(root, 'src')), path.join(root, 'astro.config.mjs'), path.join(root, 'package-lock.json')];
  return digestOfFiles(root, files);
}

/**
 * The environment variables a page reads while it renders (not the build's
 * folders and logs, which change where output goes, not what it holds). A
 * unit test checks that the site's code reads no other.
 */
export const PAGE_ENVIRONMENT = ['WENYUAN_CSP_META', 'WENYUAN_EDIT_URL', 'WENYUAN_CITE_DATE', 'SOURCE_DATE_EPOCH', SITE_CODE_VARIABLE] as const;

/** The values of {@link PAGE_ENVIRONMENT} in `env`, unset ones as null. */
export function pageEnvironment(env: Record<string, string | undefined>): Array<string | null> {
  return PAGE_ENVIRONMENT.map((name) => env[name] ?? null);
}

/**
 * A key from a page's inputs: the SHA-256 of their JSON, behind the recipe's
 * version and the page environment. Inputs must be plain data built in a
 * stable order (arrays, not Sets or Maps).
 */
export function pageCacheKey(route: string, inputs: unknown, env: Record<string, string | undefined> = process.env): string {
  return createHash('sha256')
    .update(JSON.stringify([PAGE_KEY_VERSION, route, pageEnvironment(env), inputs]))
    .digest('base64url');
}
