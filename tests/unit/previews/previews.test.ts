/**
 * The preview data: the card's fields from the front matter (only those it
 * has, dates as written), each article's first sentence as the page renders
 * it, the split into parts that keeps every card within its byte budget, and
 * the lookups the browser does with the same functions.
 */
import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { unifiedOptions } from '../../../src/markdown/index.ts';
import { documentSchema } from '../../../src/schemas/document.ts';
import { articleLeads, firstSentence, SENTENCE_LIMIT } from '../../../src/lib/previews/articles.ts';
import { previewCard, previewFileContents, splitArticles } from '../../../src/lib/previews/files.ts';
import { articleKey, articleOf, documentTarget, partOf, PREVIEW_BUDGET, PREVIEW_TARGET, previewHref, previewTitle, type PreviewCard, type PreviewPart } from '../../../src/lib/previews/card.ts';
import { formatChineseNumber } from '../../../src/lib/chinese-numerals.ts';

async function render(markdown: string, frontmatter: Record<string, unknown>): Promise<string> {
  const renderer = await unified(unifiedOptions).createRenderer(markdownConfigDefaults);
  return (await renderer.render(markdown, { frontmatter })).code;
}

const RULE = {
  id: '2023-03-01-test-yishi-guize',
  type: 'rule',
  title: '测试区人民代表大会常务委员会议事规则',
  date: '2023-03-01',
  issuer: '测试区人大常委会',
  region: '北京市测试区',
  status: '现行有效',
};

const RULE_BODY = `## 第一章　总则

第一条　为了规范常务委员会的议事活动，根据《中华人民共和国立法法》，制定本规则。本规则适用于全体会议。

### 第二条【会议制度】

常务委员会会议一般每两个月举行一次；必要时，可以临时召开。

第三条　常务委员会行使下列职权：

（一）审议议案；

（二）听取报告。

第三条之一　主任会议“处理重要日常工作！”其他事项另行规定。
`;

describe('the card', () => {
  it('has the fields the front matter has, the date as written, and nothing made up', () => {
    const rule = documentSchema.parse(RULE);
    expect(previewCard(rule)).toEqual({ title: RULE.title, type: 'rule', date: '2023-03-01', issuer: '测试区人大常委会', status: '现行有效' });
    const speech = documentSchema.parse({ id: 'undated-speech', type: 'speech', title: '在区委人大工作会议上的讲话', speaker: '于军' });
    expect(previewCard(speech)).toEqual({ title: '在区委人大工作会议上的讲话', type: 'speech', speaker: '于军' });
    const monthOnly = documentSchema.parse({ id: '2019-10-report', type: 'meeting-report', title: '区人大常委会召开会议', date: '2019-10' });
    expect(previewCard(monthOnly)).toEqual({ title: '区人大常委会召开会议', type: 'meeting-report', date: '2019-10' });
  });

  it('gives links a title of title, type and date as precise as written', () => {
    expect(previewTitle({ title: RULE.title, type: 'rule', date: '2023-03-01' }, '第二条')).toBe('测试区人民代表大会常务委员会议事规则 第二条 · 规则/办法/条例 · 2023年3月1日');
    expect(previewTitle({ title: '区人大常委会召开会议', type: 'meeting-report', date: '2019-10' })).toBe('区人大常委会召开会议 · 会议报道 · 2019年10月');
    expect(previewTitle({ title: '在区委人大工作会议上的讲话', type: 'speech' })).toBe('在区委人大工作会议上的讲话 · 讲话 · 日期不详');
  });
});

describe('first sentences', () => {
  it('end at the first 。！？ with its closing quote, without a caption or leading space', () => {
    expect(firstSentence('　为了规范议事活动，制定本规则。本规则适用于全体会议。')).toBe('为了规范议事活动，制定本规则。');
    expect(firstSentence('【会议制度】常务委员会会议每两个月举行一次。')).toBe('常务委员会会议每两个月举行一次。');
    expect(firstSentence('主任会议“处理重要日常工作！”其他事项')).toBe('主任会议“处理重要日常工作！”');
    expect(firstSentence('常务委员会行使下列职权：')).toBe('常务委员会行使下列职权：');
  });

  it(`are cut at ${SENTENCE_LIMIT} characters, marked with …`, () => {
    const long = `${'审'.repeat(200)}。`;
    expect(firstSentence(long)).toBe(`${'审'.repeat(SENTENCE_LIMIT)}…`);
    expect([...firstSentence(`${'审'.repeat(SENTENCE_LIMIT - 1)}。`)].length).toBe(SENTENCE_LIMIT);
  });

  it('are read from the rendered rule: articles as paragraphs or headings, 项 lists, links in the text', async () => {
    const html = await render(RULE_BODY, RULE);
    expect(articleLeads(html)).toEqual({
      第一条: '为了规范常务委员会的议事活动，根据《中华人民共和国立法法》，制定本规则。',
      第二条: '常务委员会会议一般每两个月举行一次；必要时，可以临时召开。',
      第三条: '常务委员会行使下列职权：（一）审议议案；（二）听取报告。',
      第三条之一: '主任会议“处理重要日常工作！”',
    });
  });

  it('are none for a text without articles', async () => {
    expect(articleLeads(await render('一、总体要求\n\n正文。', { id: 'x', type: 'notice', title: '通知' }))).toEqual({});
  });
});

/** A rule of `count` articles, each with a sentence of `length` characters. */
function longRule(count: number, length: number): string {
  return Array.from({ length: count }, (_, i) => `第${formatChineseNumber(i + 1)}条　${'规'.repeat(length - 1)}。其后的句子不入预览。`).join('\n\n');
}

describe('preview files', () => {
  it('hold a short rule’s sentences in the one file', async () => {
    const files = previewFileContents(documentSchema.parse(RULE), await render(RULE_BODY, RULE));
    expect(files.map(([name]) => name)).toEqual(['preview.json']);
    const card = JSON.parse(files[0]![1]) as PreviewCard;
    expect(card.articles?.['第二条']).toBe('常务委员会会议一般每两个月举行一次；必要时，可以临时召开。');
    expect(card.parts).toBeUndefined();
  });

  it('split a long rule into parts, so a card with the part of any article stays within the budget', async () => {
    const data = documentSchema.parse(RULE);
    const html = await render(longRule(300, 150), RULE);
    const files = previewFileContents(data, html);
    expect(files.length).toBeGreaterThan(2);
    const [name, text] = files[0]!;
    const parts = files.slice(1);
    expect(name).toBe('preview.json');
    const card = JSON.parse(text) as PreviewCard;
    expect(card.articles).toBeUndefined();
    expect(card.parts).toHaveLength(parts.length);
    const size = (s: string) => Buffer.byteLength(s);
    for (const [, part] of parts) {
      expect(size(text) + size(part)).toBeLessThanOrEqual(PREVIEW_TARGET);
      expect(size(text) + size(part)).toBeLessThanOrEqual(PREVIEW_BUDGET);
    }
    // Every article is found where the browser looks for it.
    const leads = articleLeads(html);
    expect(Object.keys(leads)).toHaveLength(300);
    for (const [anchor, sentence] of Object.entries(leads)) {
      const k = partOf(card.parts!, articleKey(anchor))!;
      expect(parts[k - 1]![0]).toBe(`preview-${k}.json`);
      expect((JSON.parse(parts[k - 1]![1]) as PreviewPart).articles[anchor]).toBe(sentence);
    }
    expect(leads['第二百条']).toBe(`${'规'.repeat(SENTENCE_LIMIT)}…`);
  });

  it('keep 第八条, 第八条之一 and a repeated 第八条-2 in one part', () => {
    const leads = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`第${formatChineseNumber(i + 1)}条`, '条'.repeat(100)]));
    Object.assign(leads, { 第八条之一: '之一。', '第八条-2': '重复。' });
    const parts = splitArticles(leads, 1500);
    const holding = (anchor: string) => parts.findIndex((p) => Object.hasOwn(p.articles, anchor));
    expect(holding('第八条之一')).toBe(holding('第八条'));
    expect(holding('第八条-2')).toBe(holding('第八条'));
    expect(partOf(parts.map((p) => p.start), 8)).toBe(holding('第八条') + 1);
  });
});

describe('links', () => {
  it('are read as a document and an anchor, the article found from a 款', () => {
    expect(documentTarget('/documents/2023-03-01-test-yishi-guize/', '#%E7%AC%AC%E5%85%AB%E6%9D%A1%E7%AC%AC%E4%BA%8C%E6%AC%BE')).toEqual({ id: '2023-03-01-test-yishi-guize', anchor: '第八条第二款' });
    expect(documentTarget('/documents/x/', '')).toEqual({ id: 'x' });
    expect(documentTarget('/cited/x/', '')).toBeUndefined();
    expect(documentTarget('/documents/x/diff/y/', '')).toBeUndefined();
    expect(articleOf('第八条第二款')).toBe('第八条');
    expect(articleOf('第十二条之一')).toBe('第十二条之一');
    expect(articleOf('第一章')).toBeUndefined();
    expect(previewHref('x')).toBe('/documents/x.preview.json');
    expect(previewHref('x', 2)).toBe('/documents/x.preview-2.json');
    expect(partOf([1, 41, 83], 40)).toBe(1);
    expect(partOf([1, 41, 83], 83)).toBe(3);
    expect(partOf([5], 1)).toBeUndefined();
  });
});
