/**
 * Without WENYUAN_EDIT_URL (as the browser tests build) a document page has
 * no 编辑此页 link at all; tests/unit/edit-link-build.test.ts builds with it.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, enabled, openPage, seedDocuments, sharedBrowser } from './helpers.ts';

describe.skipIf(!enabled)('编辑此页 without WENYUAN_EDIT_URL', () => {
  const browser = sharedBrowser();

  it('is absent from every seed document page', async () => {
    for (const seed of seedDocuments()) {
      const { page, problems } = await openPage(browser(), `/documents/${seed.id}/`, baseUrl);
      expect(await page.locator('h1').first().textContent()).toBe(seed.title);
      expect(await page.getByText('编辑此页').count()).toBe(0);
      expect(await page.locator('[data-testid="edit-link"]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
