/** Opening pages as a reader with a given colour scheme and screen would see them. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { baseUrl, watchProblems } from './helpers.ts';

/** A phone of the narrowest common width. */
export const PHONE = { width: 320, height: 640 } as const;

/**
 * Opens `pathname` with the system colour scheme `scheme` (and any other
 * page options, e.g. a viewport); records CSP violations and page errors as
 * openPage does. Call `close` when done.
 */
export async function openInScheme(
  browser: Browser,
  pathname: string,
  scheme: 'light' | 'dark',
  options: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  // A context of its own (axe's runner opens a page beside it); closing it closes the page.
  const context = await browser.newContext({ colorScheme: scheme, ...options });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(new URL(pathname, baseUrl).href);
  return { page, problems, close: () => context.close() };
}
