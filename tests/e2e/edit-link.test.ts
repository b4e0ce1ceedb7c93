/**
 * Without WENYUAN_EDIT_URL and WENYUAN_CSP_META (as the browser tests build)
 * a document page has no 编辑此页 link and no policy meta element;
 * tests/unit/hosted-build.test.ts and tests/e2e/hosted-build.test.ts build with them.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, enabled, openPage, seedDocuments, sharedBrowser } from './helpers.ts';

describe.skipIf(!enabled)('a build without WENYUAN_EDIT_URL and WENYUAN_CSP_META', () => {
  const browser = sharedBrowser();

  it('has no 编辑此页 and no policy meta element on any seed document page', async () => {
    for (const seed of seedDocuments()) {
      const { page, problems } = await openPage(browser(), `/documents/${seed.id}/`, baseUrl);
      expect(await page.locator('h1').first().textContent()).toBe(seed.title);
      expect(await page.getByText('编辑此页').count()).toBe(0);
      expect(await page.locator('[data-testid="edit-link"]').count()).toBe(0);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
