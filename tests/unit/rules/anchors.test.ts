/** The anchor scheme of rules: ids as a Chinese citation reads, unique in a document. */
import { describe, expect, it } from 'vitest';
import { formatChineseNumber, parseChineseNumber } from '../../../src/lib/chinese-numerals.ts';
import { articleId, divisionIds, itemId, paragraphId, subitemId } from '../../../src/lib/rules/anchors.ts';
import { renderRule } from './render.ts';

describe('Chinese numerals for anchors', () => {
  it('writes numbers as legal texts do and reads them back', () => {
    const cases: Array<[number, string]> = [
      [1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [101, '一百零一'], [110, '一百一十'],
      [1000, '一千'], [1040, '一千零四十'], [1260, '一千二百六十'], [2005, '二千零五'],
    ];
    for (const [n, text] of cases) {
      expect(formatChineseNumber(n)).toBe(text);
      expect(parseChineseNumber(text)).toBe(n);
    }
  });
});

describe('anchor scheme', () => {
  it('names articles, 款, 项 and 目 in citation order', () => {
    const article = articleId('第十二条之一');
    expect(article).toBe('第十二条之一');
    expect(articleId('第 十二 条')).toBe('第十二条');
    const paragraph = paragraphId(article, 2);
    expect(paragraph).toBe('第十二条之一第二款');
    expect(itemId(paragraph, 3)).toBe('第十二条之一第二款第三项');
    expect(subitemId(itemId(paragraph, 3), 1)).toBe('第十二条之一第二款第三项第1目');
  });

  it('keeps a division label as its id unless one of its kind repeats it', () => {
    expect(divisionIds([
      { kind: '章', label: '第一章' },
      { kind: '章', label: '第二章' },
      { kind: '节', label: '第一节', parent: 1 },
      { kind: '节', label: '第二节', parent: 1 },
    ])).toEqual(['第一章', '第二章', '第一节', '第二节']);
    // Sections numbered afresh in each chapter: all sections are qualified, not only the repeated one.
    expect(divisionIds([
      { kind: '章', label: '第一章' },
      { kind: '节', label: '第一节', parent: 0 },
      { kind: '节', label: '第二节', parent: 0 },
      { kind: '章', label: '第二章' },
      { kind: '节', label: '第一节', parent: 3 },
    ])).toEqual(['第一章', '第一章第一节', '第一章第二节', '第二章', '第二章第一节']);
    // Chapters numbered afresh in each 编 (as in a code).
    expect(divisionIds([
      { kind: '编', label: '第一编' },
      { kind: '章', label: '第一章', parent: 0 },
      { kind: '编', label: '第二编' },
      { kind: '章', label: '第一章', parent: 2 },
      { kind: '节', label: '第一节', parent: 3 },
    ])).toEqual(['第一编', '第一编第一章', '第二编', '第二编第一章', '第一节']);
    expect(divisionIds([{ kind: '章', label: '第一章' }, { kind: '章', label: '第一章' }])).toEqual(['第一章', '第一章-2']);
  });

  it('puts the anchors on the page: chapters on headings, articles on sections, 款 and 项 on paragraphs', async () => {
    const { html } = await renderRule('## 第一章　总则\n\n第八条　甲：\n\n（一）乙；\n\n（二）丙。\n\n丁。');
    expect(html).toContain('<h2 id="第一章">');
    expect(html).toContain('<section class="article" id="第八条" data-pagefind-title="第八条">');
    expect(html).toContain('<p id="第八条第一款" class="paragraph"><strong class="article-number">第八条</strong>');
    expect(html).toContain('<p id="第八条第一款第二项" class="item">（二）丙。</p>');
    expect(html).toContain('<p id="第八条第二款" class="paragraph">丁。</p>');
  });

  it('gives every article a visible copy-link control that works without script, and no text for search', async () => {
    const { html } = await renderRule('第八条　甲。');
    expect(html).toMatch(/<span class="article-tools" data-pagefind-ignore=""><a href="#%E7%AC%AC%E5%85%AB%E6%9D%A1" class="copy-link" aria-label="复制第八条的链接" title="复制本条链接"><\/a><\/span>/);
  });

  it('links to the article history only for a rule with a work', async () => {
    expect((await renderRule('第八条　甲。', { id: 'x' })).html).not.toContain('history-link');
    expect((await renderRule('第八条　甲。', { id: 'x', work: 'w' })).html).toContain('href="/documents/x/history/%E7%AC%AC%E5%85%AB%E6%9D%A1/" class="history-link"');
  });

  it('leaves documents that are not rules alone', async () => {
    const { html, structure } = await renderRule('第八条　甲。', { type: 'speech' });
    expect(html).toBe('<p>第八条　甲。</p>');
    expect(structure.articles).toEqual([]);
  });

  it('a repeated table of contents does not take the chapter ids', async () => {
    const { html } = await renderRule('## 第一章 总则\n\n## 第二章 附则\n\n## 第一章 总则\n\n第一条　甲。\n\n## 第二章 附则\n\n第二条　乙。');
    expect(html.match(/id="第一章"/g)).toHaveLength(1);
    expect(html).toContain('<h2 id="第一章">第一章 总则</h2>\n<section');
  });
});
