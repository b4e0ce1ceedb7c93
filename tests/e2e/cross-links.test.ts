/**
 * Following citations both ways: a citation link in the text leads to the
 * cited document (at the article) or to the missing text's page, and the
 * target lists the citing document with its sentence. Names link to their
 * pages; the graph page draws the neighbourhood and is usable with keys.
 */
import { describe, expect, it } from 'vitest';
import { enabled, openPage, sharedBrowser } from './helpers.ts';

describe.runIf(enabled)('cross-links', () => {
  const browser = sharedBrowser();

  it('a citation of an archived rule opens that rule at the article, which lists the citing document', async () => {
    const { page, problems } = await openPage(browser(), '/documents/2023-06-01-test-cites-rule/');
    const link = page.locator('[data-testid="document-body"] a.citation', { hasText: '议事规则》第二条' });
    await link.click();
    await page.waitForURL(/\/documents\/2023-03-01-test-yishi-guize\/#/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#第二条');
    expect(await page.locator('[id="第二条"]').textContent()).toContain('充分发扬民主');
    const citedBy = page.locator('[data-testid="cited-by"]');
    expect(await citedBy.locator('a', { hasText: '测试区人大常委会依照议事规则召开会议' }).count()).toBe(1);
    expect(await citedBy.textContent()).toContain('会议依照《测试区人民代表大会常务委员会议事规则》第二条，充分发扬民主。');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a citation of a text not in the archive opens its page, which lists the citing seed with the sentence', async () => {
    const { page, problems } = await openPage(browser(), '/documents/undated-quwei-zhaokai-diwuci/');
    await page.locator('[data-testid="document-body"] a.citation', { hasText: '《意见》' }).click();
    await page.waitForURL(/\/cited\//);
    expect(await page.textContent('h1')).toBe('《中共北京市海淀区委关于新时代加强和改进人大工作的意见》');
    const citedBy = page.locator('[data-testid="cited-by"]');
    expect(await citedBy.locator('a', { hasText: '区委召开第五次人大工作会议' }).count()).toBe(1);
    expect(await citedBy.textContent()).toContain('区人大常委会党组将全力以赴贯彻落实好区委《意见》');
    expect(await page.textContent('[data-testid="metadata"]')).toContain('3 次');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a journal is listed as a periodical, not linked as a document', async () => {
    const { page } = await openPage(browser(), '/documents/2023-06-01-test-cites-rule/');
    expect(await page.locator('[data-testid="document-body"] a.citation', { hasText: '人大理论与实践' }).count()).toBe(0);
    expect(await page.locator('[data-testid="cites"] li', { hasText: '人大理论与实践' }).textContent()).toContain('报刊');
    await page.close();
  });

  it('a name links to the person’s page, with the role and the document', async () => {
    const { page, problems } = await openPage(browser(), '/documents/undated-quwei-zhaokai-diwuci/');
    const names = page.locator('[data-testid="document-body"] a.entity-person', { hasText: '于军' });
    expect(await names.count()).toBe(1);
    await names.click();
    await page.waitForURL(/\/people\//);
    expect(await page.textContent('h1')).toBe('于军');
    expect(await page.textContent('[data-testid="roles"]')).toContain('区委书记');
    expect(await page.locator('[data-testid="mentions"] a', { hasText: '区委召开第五次人大工作会议' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the graph page draws a neighbourhood and moves between nodes with the arrow keys', async () => {
    const { page, problems } = await openPage(browser(), '/graph/?doc=2022-10-31-quanmian-guanche-zhongyang-renda');
    await page.waitForSelector('#graph-app[data-ready="true"]');
    const nodes = page.locator('#graph-svg a.node');
    // The article and the nine district rules it cites (two of them twice).
    expect(await nodes.count()).toBe(10);
    expect(await page.locator('#graph-svg a.node-centre').getAttribute('aria-label')).toContain('全面贯彻中央人大工作会议精神');
    await page.locator('#graph-svg a.node-centre').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('class') ?? '');
    expect(focused).toContain('node-missing');
    expect(await page.textContent('#graph-status')).toContain('10 个节点');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the whole graph filters by region without JavaScript state', async () => {
    const { page, problems } = await openPage(browser(), '/graph/?region=北京市测试区');
    await page.waitForSelector('#graph-app[data-ready="true"]');
    const labels = await page.locator('#graph-svg a.node').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(labels.some((l) => l.startsWith('测试区人大常委会依照议事规则召开会议'))).toBe(true);
    expect(labels.some((l) => l.includes('海淀区'))).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
