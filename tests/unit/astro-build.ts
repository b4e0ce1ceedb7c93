/**
 * `astro build` of a test's copy of the content, in a child process, as the
 * rebuild tests run it: output, cache and content folders given, Astro's
 * telemetry off, quiet. Fails the test with Astro's error output when the
 * build fails.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

export interface TestBuild {
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** More environment for this build (WENYUAN_* switches, logs). */
  env?: Record<string, string>;
}

/** Runs the build; returns once it has succeeded. */
export function astroBuild({ contentDir, outDir, cacheDir, env = {} }: TestBuild): void {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    env: {
      ...process.env,
      WENYUAN_CONTENT_DIR: contentDir,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
}
