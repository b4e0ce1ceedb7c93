/**
 * A build for a host that sends no headers (GitHub Pages, GitLab Pages), as
 * the deploy workflows make it: WENYUAN_CSP_META=1 and WENYUAN_EDIT_URL.
 * Served with the Content-Security-Policy header taken away, so that only the
 * meta element guards the page: the document page and a search run without
 * a violation (Pagefind's WebAssembly and worker included), an injected
 * inline script is refused, and 编辑此页 links to the document's file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/server/static-server.ts';
import { enabled, openPage, sharedBrowser } from './helpers.ts';

const CONTENT = 'tests/fixtures/edit-link/content';
const DOC = '/documents/2023-03-01-edit-link-example/';

describe.skipIf(!enabled)('a build for a host without headers', () => {
  const browser = sharedBrowser();
  const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-hosted-'));
  let server: Server | undefined;
  let site = '';

  beforeAll(async () => {
    const outDir = path.join(work, 'dist');
    const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: {
        ...process.env,
        WENYUAN_CONTENT_DIR: CONTENT,
        WENYUAN_OUT_DIR: outDir,
        WENYUAN_CACHE_DIR: path.join(work, 'cache'),
        WENYUAN_CSP_META: '1',
        WENYUAN_EDIT_URL: 'https://github.com/org/archive/edit/main/{path}',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) throw new Error(`the hosted build failed:\n${build.stdout}\n${build.stderr}`);
    ({ server, url: site } = await serveStatic(outDir, '127.0.0.1', 0));
  });

  afterAll(async () => {
    // The browser closes after this hook, so its kept-alive connections are cut here.
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens a page as a header-less host serves it: every response without its CSP header. `close` ends it. */
  async function openWithoutCspHeader(b: Browser, pathname: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const context = await b.newContext();
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    const opened = await openPage(context as unknown as Browser, pathname, site);
    const close = async () => {
      // Requests still in flight (the search's index files) end with the page; their handlers' errors are moot.
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    };
    return { ...opened, close };
  }

  it('the document page works under the meta policy alone, which refuses an injected inline script', async () => {
    const { page, problems, close } = await openWithoutCspHeader(browser(), DOC);
    const response = await page.request.get(new URL(DOC, site).href);
    expect(response.headers()['content-security-policy'], 'the server itself sends the header').toBeDefined();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).not.toContain('frame-ancestors');
    expect(problems).toEqual([]);

    const encoded = ['tests', 'fixtures', 'edit-link', 'content', '北京', '议事规则.md'].map(encodeURIComponent).join('/');
    expect(await page.getByRole('link', { name: '编辑此页' }).getAttribute('href')).toBe(`https://github.com/org/archive/edit/main/${encoded}`);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(problems.join('\n')).toMatch(/(Refused to execute|Executing) inline script/);
    await close();
  });

  it('search finds the document under the meta policy alone', async () => {
    const { page, problems, close } = await openWithoutCspHeader(browser(), '/search/?q=议事活动');
    await page.waitForSelector('#search-results .result');
    expect(await page.locator('#search-results .result h3 a').allTextContents()).toContain('青禾区人民代表大会常务委员会议事规则');
    expect(problems).toEqual([]);
    await close();
  });
});
