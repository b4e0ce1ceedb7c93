/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose route code is unchanged (Astro hashes the bundled modules)
 * and whose cache key is the previous build's is not rendered again; Astro
 * restores its file from the build cache. So a key must change whenever
 * anything else the page shows changes: the documents it shows, the graph's
 * records about them, and the environment the pages read at run time.
 */
import { createHash } from 'node:crypto';

/**
 * Bump when a key's recipe changes, so keys made the old way never match.
 * (Keys made by an older recipe that missed an input would otherwise keep
 * stale pages.)
 */
export const PAGE_KEY_VERSION = 1;

/**
 * The environment variables a page reads while it renders (not the build's
 * folders and logs, which change where output goes, not what it holds). A
 * unit test checks that the site's code reads no other.
 */
export const PAGE_ENVIRONMENT = ['WENYUAN_CSP_META', 'WENYUAN_EDIT_URL', 'WENYUAN_CITE_DATE', 'SOURCE_DATE_EPOCH'] as const;

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
