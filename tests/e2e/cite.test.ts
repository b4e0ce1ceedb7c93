/**
 * Citing in the browser: the 引用 panel of a document page copies each
 * citation with its button and the clipboard holds exactly the text shown;
 * without script the citations are there as selectable text; the link
 * control of an article opens that article's citation (the 款 the page was
 * opened at, or another one chosen), with the article's anchor address, and
 * copies it. The date of citation is the one the build takes from the
 * document's own dates (src/lib/cite/cite-date.ts), checked here against its
 * front matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { citationDate } from '../../src/lib/cite/index.ts';
import { baseUrl, builtContentDir, enabled, sharedBrowser } from './helpers.ts';

const CURRENT = '2024-09-27-beijingshi-geji-69d0';
const OLD = '2021-11-26-beijingshi-geji-69d0';
const TITLE = '北京市各级人民代表大会常务委员会规范性文件备案审查条例';
// The build's public base URL (WENYUAN_SITE is not set for the browser tests), not the test server's.
const SITE = process.env.WENYUAN_SITE ?? 'http://127.0.0.1:4321';

/** The date of citation the build must have used for document `id`: the newest complete date of that document (src/data/citations.ts). */
function expectedCiteDate(id: string): string | undefined {
  const asText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === undefined ? undefined : String(value));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const docs = files(builtContentDir).map((file) => matter(readFileSync(file, 'utf8')).data).filter((data) => data.id === id);
  expect(docs, id).toHaveLength(1);
  const data = docs[0]!;
  return citationDate(process.env, [asText(data.date), asText(data.adopted), asText(data.source?.retrieved)]).date;
}

async function clipboardContext(browser: ReturnType<ReturnType<typeof sharedBrowser>>): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const problems: string[] = [];
  context.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  context.on('weberror', (e) => problems.push(e.error().message));
  return { context, problems };
}

describe.runIf(enabled)('citations', () => {
  const browser = sharedBrowser();

  it('copies a document’s citation with its button and reads it back, in both styles', async () => {
    const citeDate = expectedCiteDate(CURRENT);
    expect(citeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { context, problems } = await clipboardContext(browser());
    const page = await context.newPage();
    await page.goto(new URL(`/documents/${CURRENT}/`, baseUrl).href);
    const panel = page.locator('[data-testid="cite-panel"]');
    expect(await panel.locator('h2').textContent()).toBe('引用');

    const gbt = (await panel.locator('[data-testid="cite-gbt7714"]').textContent())!;
    expect(gbt).toBe(`北京市人民代表大会常务委员会. ${TITLE}[EB/OL]. (2024-09-27)[${citeDate}]. ${SITE}/documents/${CURRENT}/.`);
    const gbtButton = panel.getByRole('button', { name: '复制GB/T 7714—2015格式的引文' });
    expect(await gbtButton.isVisible()).toBe(true);
    await gbtButton.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="cite-status"]')?.textContent?.includes('已复制'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gbt);
    expect(await panel.locator('[data-testid="cite-status"]').textContent()).toBe('已复制GB/T 7714—2015格式的引文。');

    const handbook = (await panel.locator('[data-testid="cite-falv-yinzhu"]').textContent())!;
    // The current version of a rule with two versions is cited with its revision year.
    expect(handbook).toBe(`《${TITLE}》（2024年修订）。`);
    await panel.getByRole('button', { name: '复制法学引注手册格式的引文' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="cite-status"]')?.textContent?.includes('法学引注手册'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(handbook);

    await page.goto(new URL(`/documents/${OLD}/`, baseUrl).href);
    expect(await page.locator('[data-testid="cite-falv-yinzhu"]').textContent()).toBe(`《${TITLE}》（2021年）。`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without script the citations are selectable text and no button shows', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/documents/undated-quwei-zhaokai-diwuci/', baseUrl).href);
    const gbt = (await page.locator('[data-testid="cite-gbt7714"]').textContent())!;
    // No year and no retrieval date in the document: no date of publication and,
    // unless the build sets one, no invented date of citation; the panel says so.
    const citeDate = expectedCiteDate('undated-quwei-zhaokai-diwuci');
    expect(gbt).toBe(`区委召开第五次人大工作会议[EB/OL]. ${citeDate ? `[${citeDate}]. ` : ''}${SITE}/documents/undated-quwei-zhaokai-diwuci/.`);
    expect(await page.locator('[data-testid="cite-no-date"]').count()).toBe(citeDate ? 0 : 1);
    expect(await page.locator('.cite-panel button.cite-copy').first().isVisible()).toBe(false);
    expect(await page.locator('[data-testid="cite-gbt7714"]').evaluate((el) => getComputedStyle(el).userSelect)).toBe('all');
    await context.close();
  });

  it('an article’s link control offers its citation, at the 款 the page was opened at, and copies it', async () => {
    const citeDate = expectedCiteDate(CURRENT)!;
    const [year, month, day] = citeDate.split('-').map(Number);
    const { context, problems } = await clipboardContext(browser());
    const page = await context.newPage();
    await page.goto(new URL(`/documents/${CURRENT}/#第四条第二款`, baseUrl).href);
    await page.locator('section#第四条 a.copy-link').click();
    const box = page.locator('section#第四条 [data-testid="article-cite"]');
    await box.waitFor({ state: 'visible' });
    expect(await box.locator('h3').textContent()).toBe('引用第四条');
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent?.includes('已复制链接'));
    expect(decodeURI(await page.evaluate(() => navigator.clipboard.readText()))).toBe(decodeURI(new URL(`/documents/${CURRENT}/#第四条`, baseUrl).href));

    const scope = box.locator('[data-testid="article-cite-scope"]');
    expect(await scope.inputValue()).toBe('第四条第二款');
    expect(await scope.locator('option').allTextContents()).toEqual(['全条（第4条）', '第1款', '第2款', '第3款']);
    const anchorUrl = `${SITE}/documents/${CURRENT}/#第四条第二款`;
    const gbt = (await box.locator('[data-testid="article-cite-gbt7714"]').textContent())!;
    expect(gbt).toBe(`北京市人民代表大会常务委员会. ${TITLE}: 第4条第2款[EB/OL]. (2024-09-27)[${citeDate}]. ${anchorUrl}.`);
    expect(await box.locator('[data-testid="article-cite-falv-yinzhu"]').textContent()).toBe(
      `《${TITLE}》（2024年修订）第4条第2款，载文渊网站，${anchorUrl}，最后访问日期：${year}年${month}月${day}日。`,
    );
    await box.getByRole('button', { name: '复制GB/T 7714—2015格式的本条引文' }).click();
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent?.includes('引文'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gbt);

    // The whole article instead; the other citation follows.
    await scope.selectOption('第四条');
    expect(await box.locator('[data-testid="article-cite-falv-yinzhu"]').textContent()).toMatch(new RegExp(`^《${TITLE}》（2024年修订）第4条，载文渊网站，`));
    await box.getByRole('button', { name: '复制法学引注手册格式的本条引文' }).click();
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent?.includes('法学引注手册'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('第4条，载文渊网站');

    // Escape closes it and gives the focus back to the link control.
    await box.locator('button.article-cite-close').focus();
    await page.keyboard.press('Escape');
    expect(await box.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('section.article')?.id)).toBe('第四条');

    // An article of one 款 offers no choice of 款.
    await page.locator('section#第九条 a.copy-link').click();
    const moved = page.locator('section#第九条 [data-testid="article-cite"]');
    await moved.waitFor({ state: 'visible' });
    expect(await moved.locator('label.article-cite-scope').isVisible()).toBe(false);
    expect(await moved.locator('[data-testid="article-cite-falv-yinzhu"]').textContent()).toMatch(/（2024年修订）第9条，载文渊网站，/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
