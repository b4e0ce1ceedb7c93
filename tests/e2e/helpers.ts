/** Shared pieces of the browser tests: the served site, the browser, the default content. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium.ts';

/** Base URL of the site built by global-setup, or '' when browser tests are skipped. */
export const baseUrl = inject('baseUrl');

/** Base URL of the archive exactly as it ships (content/ alone). */
export const shippedUrl = inject('shippedUrl');

/** Content folder of the test build (content/ plus the test fixtures). */
export const builtContentDir = inject('contentDir');

/** True when the browser tests run. */
export const enabled = baseUrl !== '';

/** A document of the default content (content/), as the tests need it. */
export interface SeedDocument {
  id: string;
  title: string;
  type: string;
  issuer?: string;
  region?: string;
  body: string;
  /** Texts of the `garbled` quality flags. */
  garbled: string[];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

/** The archive's default content, read from content/ (or from `dir`, e.g. the test build's content). */
export function seedDocuments(dir = 'content'): SeedDocument[] {
  return markdownFiles(dir).map((file) => {
    const { data, content } = matter(readFileSync(file, 'utf8'));
    const flags: Array<{ kind: string; text?: string }> = data.quality?.flags ?? [];
    const garbled = flags.flatMap((flag) => (flag.kind === 'garbled' && flag.text ? [flag.text] : []));
    return { id: data.id, title: data.title, type: data.type, issuer: data.issuer, region: data.region, body: content, garbled };
  });
}

/** The Content-Security-Policy violations and page errors `page` reports from now on, as they come. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Opens a page (of the fixtures site, or of `site`) and records any Content-Security-Policy violation or page error. */
export async function openPage(browser: Browser, pathname: string, site = baseUrl): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(new URL(pathname, site).href);
  return { page, problems };
}

/** Waits until the search page has finished its current search, results and facet counts. */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForSelector('#search-app[data-ready="true"][data-searching="false"]');
  await page.waitForFunction(() => !document.getElementById('search-status')?.textContent?.includes('检索中'));
}

/** Starts Chromium before a test file's tests and closes it after them; returns the browser. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet: call sharedBrowser() at the top of describe()');
    return browser;
  };
}

export { launchChromium };
