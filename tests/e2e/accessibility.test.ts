/**
 * axe-core over one page of every type, in the light and the dark scheme:
 * any violation fails, named by rule id and the elements it was found on;
 * so does a page not in lang="zh-CN" or a Content-Security-Policy violation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enabled, sharedBrowser } from './helpers.ts';
import { pageTypes } from './page-types.ts';
import { openInScheme } from './schemes.ts';

const types = enabled ? await pageTypes() : [];

/** axe's violations as lines a person can act on: rule id, impact, help, and each element's selector. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

describe.runIf(enabled)('accessibility: axe-core finds nothing on any page type, in either scheme', () => {
  const browser = sharedBrowser();

  it('the list covers every page type of the archive', () => {
    expect(types.length).toBeGreaterThan(20);
  });

  it.each(types)('$name ($path)', async (type) => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems, close } = await openInScheme(browser(), type.path, scheme);
      if (type.waitFor) await page.waitForSelector(type.waitFor);
      const lang = await page.getAttribute('html', 'lang');
      if (lang !== 'zh-CN') found.push(`[${scheme}] <html lang="${lang}">, not zh-CN`);
      found.push(...(await violations(page)).map((line) => `[${scheme}] ${line}`), ...problems.map((p) => `[${scheme}] ${p}`));
      await close();
    }
    expect(found, `${type.name} ${type.path}:\n${found.join('\n')}`).toEqual([]);
    // axe reads the whole page twice; on a busy machine that takes far longer than a click.
  }, 180_000);
});
