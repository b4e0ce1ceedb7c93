/**
 * The dark scheme: it follows the system, the toggle's choice persists from
 * page to page and is in force before the body is painted, print is always
 * light, and the marks that carry meaning by colour stay readable in both.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enabled, sharedBrowser } from './helpers.ts';
import { openInScheme } from './schemes.ts';

const RULE = '/documents/2024-09-27-beijingshi-geji-69d0/';
const DIFF = '/documents/2021-11-26-beijingshi-geji-69d0/diff/2024-09-27-beijingshi-geji-69d0/';
const GARBLED = '/documents/undated-zhao-hua-quwei-renda-gongzuo/';

/** Relative luminance of a CSS rgb()/rgba() colour (WCAG 2.x). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function pageColours(page: Page): Promise<{ background: string; ink: string; scheme: string | null }> {
  return page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    ink: getComputedStyle(document.body).color,
    scheme: document.documentElement.getAttribute('data-scheme'),
  }));
}

const isDark = (colour: string) => luminance(colour) < 0.1;

describe.runIf(enabled)('colour schemes', () => {
  const browser = sharedBrowser();

  it('follows the system: light for a light system, dark for a dark one, with no choice stored', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems, close } = await openInScheme(browser(), '/', scheme);
      const colours = await pageColours(page);
      expect(colours.scheme).toBeNull();
      expect(isDark(colours.background), `${scheme}: ${colours.background}`).toBe(scheme === 'dark');
      expect(contrast(colours.background, colours.ink)).toBeGreaterThanOrEqual(7);
      expect(problems).toEqual([]);
      await close();
    }
  });

  it('the toggle switches at once, is remembered on the next page, and is in force before the body exists', async () => {
    const { page, problems, close } = await openInScheme(browser(), '/', 'light');
    // Records the scheme at the moment <body> is inserted, before anything of it can be painted.
    await page.addInitScript(() => {
      const w = window as unknown as { schemeAtBody?: string | null; scriptedAtBody?: boolean };
      new MutationObserver((_, observer) => {
        if (document.body) {
          w.schemeAtBody = document.documentElement.getAttribute('data-scheme');
          // The toggle is shown from the first paint too (no shift of the page when it appears).
          w.scriptedAtBody = document.documentElement.hasAttribute('data-js');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const toggle = page.locator('[data-testid="scheme-toggle"]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.locator('button[aria-pressed="true"]').textContent()).toBe('跟随系统');

    await toggle.locator('button', { hasText: '深色' }).click();
    expect(await toggle.locator('button[aria-pressed="true"]').textContent()).toBe('深色');
    expect((await pageColours(page)).scheme).toBe('dark');
    expect(isDark((await pageColours(page)).background)).toBe(true);

    await page.goto(new URL(RULE, page.url()).href);
    expect(await page.evaluate(() => (window as unknown as { schemeAtBody?: string | null }).schemeAtBody)).toBe('dark');
    expect(await page.evaluate(() => (window as unknown as { scriptedAtBody?: boolean }).scriptedAtBody)).toBe(true);
    expect(isDark((await pageColours(page)).background)).toBe(true);
    expect(await page.locator('[data-testid="scheme-toggle"] button[aria-pressed="true"]').textContent()).toBe('深色');

    // 浅色 holds against a dark system; 跟随系统 forgets the choice.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('[data-testid="scheme-toggle"] button', { hasText: '浅色' }).click();
    expect(isDark((await pageColours(page)).background)).toBe(false);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { schemeAtBody?: string | null }).schemeAtBody)).toBe('light');
    await page.locator('[data-testid="scheme-toggle"] button', { hasText: '跟随系统' }).click();
    expect((await pageColours(page)).scheme).toBeNull();
    expect(isDark((await pageColours(page)).background)).toBe(true);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('without JavaScript the toggle is not shown and the page follows the system', async () => {
    const { page, close } = await openInScheme(browser(), '/', 'dark', { javaScriptEnabled: false });
    expect(await page.locator('[data-testid="scheme-toggle"]').isVisible()).toBe(false);
    expect(isDark((await pageColours(page)).background)).toBe(true);
    await close();
  });

  it('prints light whatever the scheme', async () => {
    const { page, close } = await openInScheme(browser(), RULE, 'dark');
    await page.locator('[data-testid="scheme-toggle"] button', { hasText: '深色' }).click();
    await page.emulateMedia({ media: 'print' });
    const colours = await pageColours(page);
    expect(colours.background).toBe('rgb(255, 255, 255)');
    expect(isDark(colours.ink)).toBe(true);
    const article = await page.locator('[data-testid="document-body"]').evaluate((node) => getComputedStyle(node).color);
    expect(isDark(article)).toBe(true);
    await close();
  });

  it('the diff, the garbled-span marks and the graph stay readable (AA) in both schemes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const diff = await openInScheme(browser(), DIFF, scheme);
      const pairs = await diff.page.evaluate(() =>
        ['.diff-text ins', '.diff-text del', '.diff-kind'].flatMap((selector) =>
          [...document.querySelectorAll(selector)].slice(0, 3).map((node) => {
            const style = getComputedStyle(node);
            return { selector, fg: style.color, bg: style.backgroundColor };
          }),
        ),
      );
      expect(pairs.map((p) => p.selector)).toEqual(expect.arrayContaining(['.diff-text ins', '.diff-text del', '.diff-kind']));
      for (const pair of pairs) expect(contrast(pair.fg, pair.bg), `${scheme} ${pair.selector}`).toBeGreaterThanOrEqual(4.5);
      await diff.close();

      const garbled = await openInScheme(browser(), GARBLED, scheme);
      const mark = await garbled.page.locator('mark.garbled').first().evaluate((node) => ({
        fg: getComputedStyle(node).color,
        label: getComputedStyle(node, '::before').color,
        bg: getComputedStyle(node).backgroundColor,
      }));
      expect(contrast(mark.fg, mark.bg), `${scheme} garbled text`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(mark.label, mark.bg), `${scheme} 〔乱码〕 label`).toBeGreaterThanOrEqual(4.5);
      await garbled.close();

      const graph = await openInScheme(browser(), '/graph/?doc=2022-10-31-quanmian-guanche-zhongyang-renda', scheme);
      await graph.page.waitForSelector('#graph-app[data-ready="true"]');
      const label = await graph.page.locator('#graph-svg .label.labelled').first().evaluate((node) => ({
        fill: getComputedStyle(node).fill,
        halo: getComputedStyle(node).stroke,
        figure: getComputedStyle(document.querySelector('.graph-figure')!).backgroundColor,
      }));
      expect(contrast(label.fill, label.halo), `${scheme} graph label on its halo`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(label.fill, label.figure), `${scheme} graph label on the figure`).toBeGreaterThanOrEqual(4.5);
      await graph.close();
    }
  });
});
