/**
 * A 320 px phone: no page scrolls sideways (wide tables scroll in their own
 * box), controls are at least 44 × 44 px, and a rule's table of contents is
 * one tap away from anywhere in its text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enabled, sharedBrowser } from './helpers.ts';
import { pageTypes } from './page-types.ts';
import { openInScheme, PHONE } from './schemes.ts';

const types = enabled ? await pageTypes() : [];
const RULE = '/documents/2024-09-27-beijingshi-geji-69d0/';

/** Elements wider than the viewport that are not inside a box that scrolls on its own, as selectors. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsItself = (node: Element) => {
      for (let e: Element | null = node; e; e = e.parentElement) {
        const overflowX = getComputedStyle(e).overflowX;
        if ((overflowX === 'auto' || overflowX === 'scroll') && e !== document.documentElement && e !== document.body) return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !scrollsItself(node);
      })
      .filter((node) => !node.closest('.skip-link, .visually-hidden, .sr-only, label.skip-link'))
      .slice(0, 5)
      .map((node) => `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}.${[...node.classList].join('.')}`);
  });
}

/** Visible elements matching `selector` smaller than 44 × 44 px, with their sizes. */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes
      .map((node) => ({ node, box: node.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(({ box }) => box.width < 43.5 || box.height < 43.5)
      .map(({ node, box }) => `${(node.textContent ?? '').trim().slice(0, 12) || node.tagName}: ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

describe.runIf(enabled)('phones (320 px)', () => {
  const browser = sharedBrowser();

  it.each(types)('$name ($path) needs no sideways scrolling', async (type) => {
    const { page, close } = await openInScheme(browser(), type.path, 'light', { viewport: PHONE });
    if (type.waitFor) await page.waitForSelector(type.waitFor);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${type.path} scrolls sideways by ${overflow}px: ${(await overflowing(page)).join(', ')}`).toBeLessThanOrEqual(0);
    await close();
  });

  it('a wide table scrolls inside its own box', async () => {
    const { page, close } = await openInScheme(browser(), '/documents/2024-03-15-test-shishi-yijian/', 'light', { viewport: PHONE });
    const table = page.locator('[data-testid="document-body"] table');
    const sizes = await table.evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth, overflow: getComputedStyle(node).overflowX }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.overflow).toBe('auto');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await close();
  });

  it('controls in the header, toolbars, facets, lists and contents are at least 44 × 44 px', async () => {
    const samples: Array<[string, string[], string?]> = [
      ['/', ['.site-nav a', '.scheme-toggle button', '.search-form button', '.search-form input']],
      ['/search/?q=的', ['#search-sort', '.facets label', '#search-more', '.facets summary'], '#search-app[data-ready="true"][data-searching="false"]'],
      ['/graph/', ['.graph-toolbar button', '.graph-filters select', '.graph-filters button', '.graph-list summary'], '#graph-app[data-ready="true"]'],
      [RULE, ['.toc-jump', '.rule-toc summary', '.rule-toc a', '.print-button', '.cite-copy', '.article-tools a']],
      ['/browse/type/rule/', ['.site-nav a', '.pagination a']],
    ];
    const small: string[] = [];
    for (const [path, selectors, ready] of samples) {
      const { page, close } = await openInScheme(browser(), path, 'light', { viewport: PHONE });
      if (ready) await page.waitForSelector(ready);
      for (const selector of selectors) small.push(...(await smallTargets(page, selector)).map((s) => `${path} ${selector} ${s}`));
      await close();
    }
    expect(small).toEqual([]);
  });

  it('the rule’s contents are one tap away from the middle of the text', async () => {
    const { page, problems, close } = await openInScheme(browser(), RULE, 'light', { viewport: PHONE });
    await page.locator('[id="第二十条"]').scrollIntoViewIfNeeded();
    const jump = page.locator('[data-testid="toc-jump"]');
    expect(await jump.isVisible()).toBe(true);
    const box = (await jump.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await jump.click();
    await page.waitForFunction(() => {
      const toc = document.getElementById('toc')!.getBoundingClientRect();
      return toc.top >= -1 && toc.top < innerHeight;
    });
    // From the contents, a chapter is one tap further.
    const chapter = page.locator('[data-testid="rule-toc"] a.toc-division-link').nth(1);
    const target = decodeURIComponent((await chapter.getAttribute('href'))!);
    await chapter.click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(target);
    expect(problems).toEqual([]);
    await close();
  });

  it('on a wide screen the contents stay beside the text and the jump control is not shown', async () => {
    const { page, close } = await openInScheme(browser(), RULE, 'light', { viewport: { width: 1280, height: 800 } });
    expect(await page.locator('[data-testid="toc-jump"]').isVisible()).toBe(false);
    await close();
  });
});
