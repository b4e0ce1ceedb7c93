/**
 * Rules in the browser: a rule opened at #第八条 shows that article; the
 * copy-link control copies its address; the table of contents, versions,
 * comparison and article history pages work; a search hit inside an article
 * points at the article. The rule is a real corpus text in two versions
 * (tests/fixtures/site/content/rules, from scripts/generate-rule-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, enabled, openPage, searchSettled, sharedBrowser } from './helpers.ts';

const CURRENT = '2024-09-27-beijingshi-geji-69d0';
const OLD = '2021-11-26-beijingshi-geji-69d0';

describe.runIf(enabled)('rules', () => {
  const browser = sharedBrowser();


  it('opens a rule at #第八条 and shows that article', async () => {
    const { page, problems } = await openPage(browser(), `/documents/${CURRENT}/#第八条`);
    const article = page.locator('section.article:target');
    expect(await article.getAttribute('id')).toBe('第八条');
    expect(await article.locator('.article-number').first().textContent()).toBe('第八条');
    expect(await article.textContent()).toContain('下列规范性文件，应当报送市人民代表大会常务委员会备案');
    // Scrolled to it: the article's top is in the viewport, near the top.
    const box = await article.boundingBox();
    const height = page.viewportSize()!.height;
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(height / 2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('copies an article address with the copy-link control', async () => {
    const context = await browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    await page.goto(new URL(`/documents/${CURRENT}/`, baseUrl).href);
    const control = page.locator('section#第九条 a.copy-link');
    expect(await control.getAttribute('aria-label')).toBe('复制第九条的链接');
    expect(await control.isVisible()).toBe(true);
    await control.click();
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent?.includes('已复制'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodeURI(copied)).toBe(decodeURI(new URL(`/documents/${CURRENT}/#第九条`, baseUrl).href));
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#第九条');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has a collapsible table of chapters and articles', async () => {
    const { page } = await openPage(browser(), `/documents/${CURRENT}/`);
    const toc = page.locator('[data-testid="rule-toc"]');
    expect(await toc.locator('.toc-article a').count()).toBe(45);
    expect(await toc.locator('.toc-division > a.toc-division-link').first().getAttribute('href')).toBe('#第一章');
    const firstChapter = toc.locator('.toc-division details').first();
    // 45 articles: chapters start folded; a click opens one.
    expect(await firstChapter.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await firstChapter.locator('summary .rule-muted').click();
    expect(await firstChapter.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await toc.locator('.toc-article a', { hasText: '第三条' }).click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#第三条');
    await page.close();
  });

  it('links a relative reference to its article', async () => {
    const { page } = await openPage(browser(), `/documents/${CURRENT}/`);
    const ref = page.locator('a.ref', { hasText: '本条例第十四条' }).first();
    expect(decodeURIComponent((await ref.getAttribute('href'))!)).toBe('#第十四条');
    await ref.click();
    expect(await page.locator('section.article:target').getAttribute('id')).toBe('第十四条');
    await page.close();
  });

  it('labels an old version as superseded and links to the current one and the changes', async () => {
    const { page, problems } = await openPage(browser(), `/documents/${OLD}/`);
    const notice = page.locator('[data-testid="version-notice"]');
    expect(await notice.textContent()).toContain('本版本已被修订');
    expect(await notice.locator('a', { hasText: '北京市各级' }).getAttribute('href')).toBe(`/documents/${CURRENT}/`);
    const timeline = page.locator('[data-testid="rule-versions"] li');
    expect(await timeline.count()).toBe(2);
    expect(await timeline.nth(1).textContent()).toContain('现行有效');
    expect(await page.locator('[data-testid="version-notice"]').count()).toBe(1);
    expect(problems).toEqual([]);
    const current = await openPage(browser(), `/documents/${CURRENT}/`);
    expect(await current.page.locator('[data-testid="version-notice"]').count()).toBe(0);
    await current.page.close();
    await page.close();
  });

  it('compares the two versions article by article, matching moved articles by content', async () => {
    const { page, problems } = await openPage(browser(), `/documents/${OLD}/diff/${CURRENT}/`);
    expect(await page.textContent('[data-testid="diff-summary"]')).toContain('修改');
    const moved = page.locator('section.diff-entry', { has: page.locator('h2 a', { hasText: '原第八条' }) });
    expect(await moved.locator('h2').textContent()).toContain('第九条');
    expect(await moved.locator('ins').count()).toBeGreaterThan(0);
    expect(await moved.locator('del').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the history of one article across versions', async () => {
    const { page } = await openPage(browser(), `/documents/${CURRENT}/history/第九条/`);
    const steps = page.locator('.history-step');
    expect(await steps.count()).toBe(2);
    expect(await steps.nth(0).textContent()).toContain('第八条');
    expect(await steps.nth(1).textContent()).toContain('原第八条');
    await page.close();
  });

  it('a search hit inside an article links into that article', async () => {
    const { page, problems } = await openPage(browser(), `/search/?q=${encodeURIComponent('乡镇人民代表大会作出的决议')}`);
    await searchSettled(page);
    const link = page.locator(`#search-results .result a[href^="/documents/${CURRENT}/"]`).first();
    const href = decodeURIComponent((await link.getAttribute('href')) ?? '');
    // The hit is in 第九条 (in its 项 （四）): the link names a place inside 第九条.
    expect(href).toMatch(/#第九条(第[一二三四五六七八九十]+[款项])*$/);
    await link.click();
    await page.waitForURL(/#/);
    expect(await page.locator('section.article:target, section.article:has(:target)').getAttribute('id')).toBe('第九条');
    expect(problems).toEqual([]);
    await page.close();
  });
});
