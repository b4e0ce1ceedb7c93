/**
 * Preview cards over links to archive documents: a citation of an article
 * (the fixture 测试区人大常委会依照议事规则召开会议 cites 《测试区…议事规则》第二条)
 * and the cited-by entry back. The card opens on hover and on keyboard
 * focus, shows the document's fields and the article's first sentence, sits
 * beside the link without covering it, closes on Escape, opens on touch
 * screens by its toggle while a tap on the link still follows it, and the
 * page has no axe violation with a card open and no CSP violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, enabled, openPage, sharedBrowser, watchProblems } from './helpers.ts';

const CITING = '/documents/2023-06-01-test-cites-rule/';
const RULE = '/documents/2023-03-01-test-yishi-guize/';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The article citation in the citing document's text. */
function articleCitation(page: Page): Locator {
  return page.locator('[data-testid="document-body"] a.citation[data-preview]', { hasText: '议事规则》第二条' });
}

/** The open card; waits for it. */
async function openCard(page: Page): Promise<Locator> {
  const card = page.locator('[data-testid="doc-preview"]');
  await card.waitFor({ state: 'visible' });
  return card;
}

/** True when the two boxes overlap. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectBeside(card: Locator, link: Locator): Promise<void> {
  const [cardBox, linkBox] = await Promise.all([card.boundingBox(), link.boundingBox()]);
  expect(cardBox && linkBox).toBeTruthy();
  expect(overlaps(cardBox!, linkBox!)).toBe(false);
}

describe.runIf(enabled)('previews', () => {
  const browser = sharedBrowser();

  it('without script, each previewed link carries a title with the title, type and date', async () => {
    const html = await (await fetch(new URL(CITING, baseUrl))).text();
    expect(html).toContain('title="测试区人民代表大会常务委员会议事规则 第二条 · 规则/办法/条例 · 2023年3月1日"');
    const rule = await (await fetch(new URL(RULE, baseUrl))).text();
    expect(rule).toContain('title="测试区人大常委会依照议事规则召开会议 · 文章 · 2023年6月1日"');
  });

  it('hovering an article citation shows the cited rule’s card with the article’s first sentence, beside the link', async () => {
    const { page, problems } = await openPage(browser(), CITING);
    const link = articleCitation(page);
    await link.hover();
    const card = await openCard(page);
    expect(await card.getAttribute('role')).toBe('tooltip');
    expect(await link.getAttribute('aria-describedby')).toBe(await card.getAttribute('id'));
    // The no-script title is set aside while the card shows the same and more.
    expect(await link.getAttribute('title')).toBeNull();
    expect(await card.locator('.doc-preview-title').textContent()).toBe('测试区人民代表大会常务委员会议事规则 第二条');
    const fields = await card.locator('.doc-preview-field').allTextContents();
    expect(fields).toEqual(['类型规则/办法/条例', '日期2023年3月1日', '发文机关测试区人大常委会', '时效性现行有效']);
    expect(await card.locator('.doc-preview-sentence').textContent()).toBe('常务委员会审议议题，应当充分发扬民主。');
    await expectBeside(card, link);

    // The pointer may move onto the card without closing it; Escape closes it.
    await card.hover();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await link.getAttribute('aria-describedby')).toBeNull();
    expect(await link.getAttribute('title')).toContain('第二条');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('focusing a link from the keyboard opens its card and Escape closes it; axe finds nothing with the card open', async () => {
    const { page, problems } = await openPage(browser(), CITING);
    const link = page.locator('[data-testid="cites"] a[data-preview]', { hasText: '测试区人民代表大会常务委员会议事规则' });
    // Tab until the link has focus, as a keyboard reader reaches it.
    let focused = false;
    for (let i = 0; i < 200 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await link.evaluate((a) => a === document.activeElement);
    }
    expect(focused).toBe(true);
    const card = await openCard(page);
    expect(await card.locator('.doc-preview-title').textContent()).toBe('测试区人民代表大会常务委员会议事规则');
    // A link to the whole document: no article sentence.
    expect(await card.locator('.doc-preview-sentence').count()).toBe(0);
    await expectBeside(card, link);

    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);

    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a cited-by entry shows the citing document’s card, with only the fields it has', async () => {
    const { page, problems } = await openPage(browser(), RULE);
    const link = page.locator('[data-testid="cited-by"] a[data-preview]', { hasText: '测试区人大常委会依照议事规则召开会议' });
    await link.hover();
    const card = await openCard(page);
    expect(await card.locator('.doc-preview-title').textContent()).toBe('测试区人大常委会依照议事规则召开会议');
    // An article (文章) has no status.
    expect(await card.locator('.doc-preview-field').allTextContents()).toEqual(['类型文章', '日期2023年6月1日', '发文机关测试区人大常委会']);
    await expectBeside(card, link);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an article of a long rule is read from the one part of its sentences that holds it; a month-only date stays a month', async () => {
    const { page, problems } = await openPage(browser(), '/documents/2024-10-10-test-cites-long-rule/');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const link = page.locator('[data-testid="document-body"] a.citation[data-preview]', { hasText: '第三十条' });
    await link.hover();
    const card = await openCard(page);
    expect(await card.locator('.doc-preview-title').textContent()).toBe('北京市各级人民代表大会常务委员会规范性文件备案审查条例 第三十条');
    expect(await card.locator('.doc-preview-sentence').textContent()).toBe(
      '制定机关按照书面审查意见、处理计划修改或者废止规范性文件的，应当自修改或者废止之日起三十日内向人民代表大会常务委员会书面报告，并将修改后的规范性文件报送备案。',
    );
    const previews = requested.filter((p) => p.includes('.preview'));
    expect(previews[0]).toBe('/documents/2024-09-27-beijingshi-geji-69d0.preview.json');
    expect(previews).toHaveLength(2);
    expect(previews[1]).toMatch(/^\/documents\/2024-09-27-beijingshi-geji-69d0\.preview-\d+\.json$/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    await page.close();

    const rule = await openPage(browser(), '/documents/2024-09-27-beijingshi-geji-69d0/');
    const back = rule.page.locator('[data-testid="cited-by"] a[data-preview]', { hasText: '测试区人大常委会学习备案审查条例' });
    expect(await back.getAttribute('title')).toBe('测试区人大常委会学习备案审查条例 · 文章 · 2024年10月');
    await back.hover();
    const backCard = await openCard(rule.page);
    expect(await backCard.locator('.doc-preview-field').allTextContents()).toContain('日期2024年10月');
    expect(rule.problems).toEqual([]);
    await rule.page.close();
  });

  it('on a touch screen the toggle opens the card and a tap on the link still follows it', async () => {
    const context = await browser().newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(new URL(CITING, baseUrl).href);
    const link = articleCitation(page);
    const toggle = page.locator('[data-testid="document-body"] [data-testid="preview-toggle"]').first();
    await toggle.waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.tap();
    const card = await openCard(page);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await card.locator('.doc-preview-sentence').textContent()).toBe('常务委员会审议议题，应当充分发扬民主。');
    await expectBeside(card, link);
    await expectBeside(card, toggle);
    await toggle.tap();
    await card.waitFor({ state: 'hidden' });

    await link.tap();
    await page.waitForURL(/\/documents\/2023-03-01-test-yishi-guize\/#/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
