import { describe, expect, it } from 'vitest';
import { baseUrl, enabled, openPage, seedDocuments, sharedBrowser, shippedUrl } from './helpers.ts';

describe.runIf(enabled)('reading the archive', () => {
  const browser = sharedBrowser();
  const seeds = seedDocuments();


  it('the default content is the five seed documents', () => {
    expect(seeds).toHaveLength(5);
  });

  it('the home page of the archive as it ships lists the five seed documents and links to them', async () => {
    const { page, problems } = await openPage(browser(), '/', shippedUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('[data-testid="document-count"]')).toBe('5');
    for (const seed of seeds) {
      const link = page.locator('.doc-list a.title', { hasText: seed.title });
      expect(await link.count(), seed.title).toBeGreaterThan(0);
      expect(await link.first().getAttribute('href')).toBe(`/documents/${seed.id}/`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a document page shows its title and metadata with Chinese labels', async () => {
    const seed = seeds.find((s) => s.issuer) ?? seeds[0]!;
    const { page, problems } = await openPage(browser(), `/documents/${seed.id}/`);
    expect(await page.textContent('h1')).toBe(seed.title);
    const metadata = (await page.textContent('[data-testid="metadata"]')) ?? '';
    expect(metadata).toContain('类型');
    expect(metadata).toContain('日期');
    if (seed.issuer) expect(metadata).toContain(seed.issuer);
    if (seed.region) expect(metadata).toContain(seed.region);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a <script> written in a document shows as text and never runs', async () => {
    const { page } = await openPage(browser(), '/documents/2021-xss-fixture/');
    const body = (await page.textContent('[data-testid="document-body"]')) ?? '';
    expect(body).toContain('<script>window.__wenyuanInjected = true</script>');
    expect(await page.locator('[data-testid="document-body"] script, [data-testid="document-body"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __wenyuanInjected?: boolean }).__wenyuanInjected)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.close();
  });

  it('garbled spans are marked and explained', async () => {
    const { page } = await openPage(browser(), '/documents/undated-test-speech/');
    expect(await page.locator('mark.garbled').count()).toBe(1);
    expect(await page.textContent('[data-testid="quality-notices"]')).toContain('乱码');
    expect(await page.textContent('[data-testid="metadata"]')).toContain('日期不详');
    await page.close();
  });

  it('fields the importer only guessed are named in a notice, with each note and the other candidates', async () => {
    const { page, problems } = await openPage(browser(), '/documents/2024-05-10-test-uncertain-notice/');
    const notices = page.locator('section[aria-labelledby="quality-heading"]');
    expect(await notices.locator('h2#quality-heading').textContent()).toBe('文本质量说明');
    const notice = notices.locator('[data-testid="uncertain-notice"]');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('本文部分著录项目由导入程序推断，尚待人工核对：标题、类型。');
    const items = (await notice.locator('ul > li').allTextContents()).map((item) => item.replace(/\s+/g, ''));
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('标题不确定：最可能是"关于印发测试区政务公开工作要点的通知"');
    expect(items[0]).toContain('其他候选：“政策文件”、“通知公告”');
    // A note that does not begin with its field's name gets the name in front of it.
    expect(items[1]).toMatch(/^类型：/);
    expect(items[1]).toContain('由标题末尾的"通知"推断');
    expect(items[1]).toContain('其他候选：“文章”');
    expect(await notice.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a seed with garbled text shows every recorded span marked, and no pinyin artefacts', async () => {
    const seed = seedDocuments().find((s) => s.garbled.length > 0);
    expect(seed, 'a seed has garbled spans').toBeDefined();
    const { page } = await openPage(browser(), `/documents/${seed!.id}/`);
    const marked = await page.locator('[data-testid="document-body"] mark.garbled').allTextContents();
    expect(marked.sort()).toEqual([...seed!.garbled].sort());
    const body = (await page.textContent('[data-testid="document-body"]')) ?? '';
    expect(body).not.toMatch(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/);
    await page.close();
  });

  it('browse pages list documents by facet, and a 375 px phone needs no sideways scrolling', async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(new URL('/browse/type/rule/', baseUrl).href);
    expect(await page.locator('.doc-list li').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const response = await page.goto(new URL('/no-such-page/', baseUrl).href);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('页面不存在');
    await page.close();
  });
});
