/**
 * Builds the archive once for the browser tests, from content/ plus the test
 * fixtures in tests/fixtures/site/content, into a temporary folder, and serves
 * it on 127.0.0.1 with the production security headers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/server/static-server.ts';
import { BROWSER_REQUIRED, CHROMIUM_PATH, HAVE_BROWSER } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    contentDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!HAVE_BROWSER) {
    if (BROWSER_REQUIRED) {
      throw new Error(`Browser tests are required (CI) but ${CHROMIUM_PATH} is missing: apt-get install chromium`);
    }
    console.warn(`\n[e2e] ${CHROMIUM_PATH} not found: browser tests are skipped. Install it with apt-get install chromium.\n`);
    project.provide('baseUrl', '');
    project.provide('contentDir', '');
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-e2e-'));
  const contentDir = path.join(work, 'content');
  cpSync('content', contentDir, { recursive: true });
  cpSync('tests/fixtures/site/content', path.join(contentDir, 'test-fixtures'), { recursive: true });
  const outDir = path.join(work, 'dist');
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: {
      ...process.env,
      WENYUAN_CONTENT_DIR: contentDir,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    throw new Error(`astro build failed for the browser tests:\n${build.stdout}\n${build.stderr}`);
  }
  const { server, url } = await serveStatic(outDir, '127.0.0.1', 0);
  project.provide('baseUrl', url);
  project.provide('contentDir', contentDir);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  };
}
