/**
 * A reader with a keyboard and a screen reader: the skip link, a visible
 * focus on every stop, the search page driven by Tab, Enter and Space with
 * its results announced, the scheme toggle, and the note of a text converted
 * from Traditional Chinese.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enabled, searchSettled, sharedBrowser } from './helpers.ts';
import { openInScheme } from './schemes.ts';

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

const focusedMatches = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

describe.runIf(enabled)('keyboard and screen readers', () => {
  const browser = sharedBrowser();

  it('the first Tab shows a skip link; Enter moves the focus to the content', async () => {
    const { page, close } = await openInScheme(browser(), '/documents/2024-09-27-beijingshi-geji-69d0/', 'light');
    await page.keyboard.press('Tab');
    expect(await focusedMatches(page, 'a.skip-link')).toBe(true);
    expect(await page.textContent('a.skip-link')).toBe('跳到正文');
    const box = (await page.locator('a.skip-link').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab goes on from the content, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).toBe(true);
    await close();
  });

  it('every Tab stop shows a focus ring, in both schemes', async () => {
    const pages = ['/', '/documents/2024-09-27-beijingshi-geji-69d0/', '/search/?q=人大', '/graph/?doc=2022-10-31-quanmian-guanche-zhongyang-renda', '/data/'];
    const unringed: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of pages) {
        const { page, close } = await openInScheme(browser(), path, scheme);
        if (path.startsWith('/search/')) await searchSettled(page);
        if (path.startsWith('/graph/')) await page.waitForSelector('#graph-app[data-ready="true"]');
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab');
          const stop = await page.evaluate(() => {
            const node = document.activeElement;
            if (!node || node === document.body) return undefined;
            const style = getComputedStyle(node);
            // Graph nodes show focus by their ring and highlighted neighbourhood (an SVG outline would be the whole link box).
            const graphNode = node.matches('#graph-svg a.node') && node.classList.contains('is-active');
            const ringed = graphNode || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2);
            return { ringed, what: `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} “${(node.textContent ?? '').trim().slice(0, 10)}”` };
          });
          if (stop && !stop.ringed) unringed.push(`${scheme} ${path}: ${stop.what}`);
        }
        await close();
      }
    }
    expect(unringed).toEqual([]);
  });

  it('the search page works by keyboard alone and announces what it found', async () => {
    const { page, problems, close } = await openInScheme(browser(), '/search/', 'light');
    await searchSettled(page);
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');

    await tabTo(page, '#search-input');
    await page.keyboard.type('的');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '的');
    await searchSettled(page);
    const found = (await status.textContent()) ?? '';
    expect(found).toMatch(/^找到 \d+ 篇包含“的”的文件。$/);
    const total = Number(found.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(10);

    // The sort by arrow key, from the keyboard's own path through the page.
    await tabTo(page, '#search-sort');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') !== null);
    await searchSettled(page);
    expect(await page.inputValue('#search-sort')).not.toBe('');

    // A facet by Space: the search narrows, the focus stays on the box, which is checked; Space again undoes it.
    await tabTo(page, '#search-facets input[name="type"]');
    const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    const focusedBox = () => page.evaluate(() => {
      const node = document.activeElement as HTMLInputElement;
      return [node.name, node.value, node.checked];
    });
    await page.keyboard.press('Space');
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('type') === v, value);
    await searchSettled(page);
    expect(await focusedBox()).toEqual(['type', value, true]);
    expect(await status.textContent()).toMatch(/^找到 \d+ 篇包含“的”的文件。$/);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('type'));
    await searchSettled(page);
    expect(await focusedBox()).toEqual(['type', value, false]);
    expect(await status.textContent()).toBe(found);

    // Results are links in the Tab order.
    await tabTo(page, '#search-results .result h3 a');

    // 加载更多 by Enter: the next results appear, the focus is on the first of them, and the count is announced.
    await tabTo(page, '#search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results .result').length > 10);
    expect(await page.evaluate(() => {
      const eleventh = document.querySelectorAll('#search-results .result')[10]!;
      return eleventh.contains(document.activeElement);
    })).toBe(true);
    expect(await status.textContent()).toBe(`已显示 ${Math.min(20, total)} 篇，共 ${total} 篇。`);

    // A search that finds nothing says so in the live region.
    await page.locator('#search-input').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('档案里没有的词语');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('没有出现'));
    expect(await page.locator('#search-results .result').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('the colour-scheme toggle works with Enter and Space', async () => {
    const { page, close } = await openInScheme(browser(), '/', 'light');
    await tabTo(page, '.scheme-toggle button[data-scheme-choice="dark"]');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('html', 'data-scheme')).toBe('dark');
    expect(await page.getAttribute('.scheme-toggle button[data-scheme-choice="dark"]', 'aria-pressed')).toBe('true');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('html', 'data-scheme')).toBe('light');
    await close();
  });

  it('a document converted from Traditional Chinese says so, beside its metadata and in its notes', async () => {
    const { page, close } = await openInScheme(browser(), '/documents/undated-zhao-hua-quwei-renda-gongzuo/', 'light');
    const metadata = page.locator('[data-testid="metadata"]');
    expect(await metadata.textContent()).toContain('原文字体繁体（已转为简体）');
    expect(await metadata.locator('dd', { hasText: '繁体' }).isVisible()).toBe(true);
    expect(await page.textContent('[data-testid="quality-notices"]')).toContain('原文为繁体中文，已转换为简体');
    await close();
  });
});
