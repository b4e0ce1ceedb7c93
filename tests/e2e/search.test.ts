import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtContentDir, enabled, openPage, searchSettled, seedDocuments, sharedBrowser } from './helpers.ts';

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results .result h3 a').allTextContents();
}

/** The count shown beside a facet value; 0 when the value is not offered (no results). */
async function facetCount(page: Page, facet: string, value: string): Promise<number> {
  const count = page.locator(`fieldset[data-facet="${facet}"] label:has(input[value="${value}"]) .count`);
  return (await count.count()) === 0 ? 0 : Number(await count.getAttribute('data-count'));
}

describe.runIf(enabled)('searching the archive', () => {
  const browser = sharedBrowser();
  const seeds = seedDocuments();


  it('typing 人大代表联络站 finds the seed article that mentions it, under a strict CSP', async () => {
    const article = seeds.find((s) => s.type === 'article' && s.body.includes('人大代表联络站'));
    expect(article, 'a seed article mentions 人大代表联络站').toBeDefined();
    const { page, problems } = await openPage(browser(), '/search/');
    await searchSettled(page);
    await page.fill('#search-input', '人大代表联络站');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('#search-results .result');
    await searchSettled(page);
    expect(await resultTitles(page)).toContain(article!.title);
    expect(new URL(page.url()).searchParams.get('q')).toBe('人大代表联络站');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a facet filter narrows the results and the counts change; the URL restores it', async () => {
    const { page } = await openPage(browser(), '/search/?q=人大');
    await searchSettled(page);
    const before = await resultTitles(page);
    expect(before.length).toBeGreaterThan(1);
    const articleCountBefore = await facetCount(page, 'type', 'article');
    const speechCountBefore = await facetCount(page, 'type', 'speech');
    expect(articleCountBefore).toBeGreaterThan(0);
    expect(speechCountBefore).toBeGreaterThan(0);

    await page.check('fieldset[data-facet="type"] input[value="article"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'article');
    await searchSettled(page);
    await page.waitForFunction((n) => document.querySelectorAll('#search-results .result').length < n, before.length);
    const after = await resultTitles(page);
    expect(after.length).toBe(articleCountBefore);
    expect(await facetCount(page, 'type', 'speech')).toBe(0);

    const shared = page.url();
    const { page: reloaded } = await openPage(browser(), new URL(shared).pathname + new URL(shared).search);
    await searchSettled(reloaded);
    await reloaded.waitForSelector('#search-results .result');
    expect(await reloaded.isChecked('fieldset[data-facet="type"] input[value="article"]')).toBe(true);
    expect(await reloaded.inputValue('#search-input')).toBe('人大');
    expect((await resultTitles(reloaded)).sort()).toEqual([...after].sort());
    await reloaded.close();
    await page.close();
  });

  it('sorting by date orders the results newest first, undated last', async () => {
    const { page } = await openPage(browser(), '/search/?q=人大&sort=date-desc');
    await searchSettled(page);
    await page.waitForSelector('#search-results .result');
    expect(await page.inputValue('#search-sort')).toBe('date-desc');
    const dates = await page.locator('#search-results .result time').evaluateAll((nodes) =>
      nodes.map((node) => (node as HTMLTimeElement).dateTime),
    );
    expect(dates.length).toBeGreaterThan(1);
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(0, dated.length)).toEqual(dated);
    await page.close();
  });

  it('opening a result highlights the match on the document page', async () => {
    const { page } = await openPage(browser(), '/search/?q=人大代表联络站');
    await searchSettled(page);
    await page.click('#search-results .result h3 a');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).searchParams.get('highlight')).toBeTruthy();
    await page.waitForSelector('mark.pagefind-highlight');
    expect(await page.locator('mark.pagefind-highlight').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('finds exactly the documents that contain a phrase, in Simplified or Traditional, and says when nothing has it', async () => {
    const all = seedDocuments(builtContentDir);
    const phrase = '人大代表联络站';
    const expected = all.filter((d) => `${d.title}\n${d.body}`.includes(phrase)).map((d) => d.title).sort();
    expect(expected.length).toBeGreaterThan(1);
    for (const query of [phrase, '人大代表聯絡站']) {
      const { page } = await openPage(browser(), `/search/?q=${encodeURIComponent(query)}`);
      await searchSettled(page);
      await page.waitForSelector('#search-results .result');
      expect((await resultTitles(page)).sort(), query).toEqual(expected);
      const marks = await page.locator('#search-results .result .excerpt mark').allTextContents();
      expect(new Set(marks)).toEqual(new Set([phrase]));
      await page.close();
    }
    const { page } = await openPage(browser(), `/search/?q=${encodeURIComponent('档案里没有的短语')}`);
    await searchSettled(page);
    expect(await page.locator('#search-results .result').count()).toBe(0);
    expect(await page.textContent('#search-status')).toContain('档案中没有出现“档案里没有的短语”');
    await page.close();
    // A pair missing from the index whose first character is everywhere: nothing, not the character's pages.
    expect(all.some((d) => d.body.includes('人'))).toBe(true);
    expect(all.some((d) => `${d.title}\n${d.body}`.includes('人猫'))).toBe(false);
    const pair = await openPage(browser(), `/search/?q=${encodeURIComponent('人猫')}`);
    await searchSettled(pair.page);
    expect(await pair.page.locator('#search-results .result').count()).toBe(0);
    expect(await pair.page.textContent('#search-status')).toContain('档案中没有出现“人猫”');
    await pair.page.close();
  });

  it('a hit inside an article links to that article', async () => {
    const { page } = await openPage(browser(), `/search/?q=${encodeURIComponent('会议一般每两个月举行一次')}`);
    await searchSettled(page);
    const href = await page.locator('#search-results .result h3 a').first().getAttribute('href');
    expect(decodeURIComponent(href ?? '')).toMatch(/\/documents\/2023-03-01-test-yishi-guize\/\?highlight=.*#第三条(第一款)?$/);
    await page.close();
  });

  it('a hit under a heading links to the heading and names it by its words', async () => {
    const { page } = await openPage(browser(), `/search/?q=${encodeURIComponent('组建专家顾问库')}`);
    await searchSettled(page);
    const section = page.locator('#search-results .result .section a').first();
    expect(decodeURIComponent((await section.getAttribute('href')) ?? '')).toMatch(/#四-创新人大工作体制机制-确保人大工作不断取得新进步$/);
    expect(await section.textContent()).toBe('§ 四、创新人大工作体制机制，确保人大工作不断取得新…');
    await page.close();
  });
});
