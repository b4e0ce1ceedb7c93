/**
 * Builds the archive for the browser tests into a temporary folder — once as
 * it ships (content/), once with the fixtures of tests/fixtures/site/content
 * added — and serves both on 127.0.0.1 with the production security headers.
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
    /** The archive with the test fixtures added. */
    baseUrl: string;
    /** The archive exactly as it ships: content/ alone. */
    shippedUrl: string;
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
    project.provide('shippedUrl', '');
    project.provide('contentDir', '');
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-e2e-'));
  // Two sites: the archive as it ships (content/ alone), and the same with the
  // test fixtures added for the features the seeds do not exercise.
  const shipped = buildSite(work, 'shipped', ['content']);
  const withFixtures = buildSite(work, 'fixtures', ['content', 'tests/fixtures/site/content']);
  const servers = await Promise.all([serveStatic(shipped.outDir, '127.0.0.1', 0), serveStatic(withFixtures.outDir, '127.0.0.1', 0)]);
  project.provide('shippedUrl', servers[0].url);
  project.provide('baseUrl', servers[1].url);
  project.provide('contentDir', withFixtures.contentDir);
  return async () => {
    await Promise.all(servers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
    rmSync(work, { recursive: true, force: true });
  };
}

/** Builds the documents of `sources` into work/<name>; throws with Astro's output on failure. */
function buildSite(work: string, name: string, sources: string[]): { contentDir: string; outDir: string } {
  const contentDir = path.join(work, name, 'content');
  sources.forEach((source, i) => cpSync(source, i === 0 ? contentDir : path.join(contentDir, `extra-${i}`), { recursive: true }));
  const outDir = path.join(work, name, 'dist');
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: {
      ...process.env,
      WENYUAN_CONTENT_DIR: contentDir,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: path.join(work, name, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    throw new Error(`astro build of ${sources.join(' + ')} failed for the browser tests:\n${build.stdout}\n${build.stderr}`);
  }
  return { contentDir, outDir };
}
