/** Which pages the sitemap lists (src/lib/sitemap.ts). */
import { describe, expect, it } from 'vitest';
import { isSitemapPage } from '../../../src/lib/sitemap.ts';

const SITE = 'https://wenyuan.example';

describe('sitemap pages', () => {
  it('lists documents, comparisons, browse and entity pages', () => {
    for (const path of ['/', '/documents/2021-01-22-xingzheng-chufa-fa/', '/documents/a/diff/b/', '/browse/type/rule/', '/people/%E4%BA%8E%E5%86%9B/', '/data/', '/cited/x/']) {
      expect(isSitemapPage(`${SITE}${path}`), path).toBe(true);
    }
  });

  it('leaves out the history of single articles, encoded or not, the staff editor and files', () => {
    expect(isSitemapPage(`${SITE}/documents/2021-x/history/${encodeURIComponent('第九条')}/`)).toBe(false);
    expect(isSitemapPage(`${SITE}/documents/2021-x/history/第九条/`)).toBe(false);
    expect(isSitemapPage(`${SITE}/rss.xml`)).toBe(false);
    expect(isSitemapPage(`${SITE}/admin/`)).toBe(false);
    expect(isSitemapPage(`${SITE}/documents/2021-x.bib`)).toBe(false);
  });

  it('keeps a document whose id merely contains the word history', () => {
    expect(isSitemapPage(`${SITE}/documents/history/`)).toBe(true);
    expect(isSitemapPage(`${SITE}/documents/2020-history-notes/`)).toBe(true);
  });
});
