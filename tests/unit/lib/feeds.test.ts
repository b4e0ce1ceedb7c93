import { describe, expect, it } from 'vitest';
import {
  compareForFeed,
  FEED_SIZE,
  feedPubDate,
  hasFeed,
  htmlText,
  latestForFeed,
  SUMMARY_LENGTH,
  summaryOf,
  summaryOfMdx,
} from '../../../src/lib/feeds.ts';

const doc = (id: string, date?: string) => ({ id, data: date === undefined ? {} : { date } });

describe('feed order', () => {
  it('is newest first by document date, then by id; a month after its days, undated last', () => {
    const docs = [doc('u-b'), doc('a', '2019'), doc('b', '2019-10'), doc('c', '2019-10-29'), doc('u-a'), doc('d', '2023-03-01'), doc('e', '2019-10-29')];
    expect([...docs].sort(compareForFeed).map((d) => d.id)).toEqual(['d', 'c', 'e', 'b', 'a', 'u-a', 'u-b']);
  });

  it(`keeps the latest ${FEED_SIZE} entries and leaves the input alone`, () => {
    const docs = Array.from({ length: 120 }, (_, i) => doc(`doc-${String(i).padStart(3, '0')}`, `2000-01-${String((i % 28) + 1).padStart(2, '0')}`));
    const latest = latestForFeed(docs);
    expect(latest).toHaveLength(FEED_SIZE);
    expect(latest[0]!.data.date).toBe('2000-01-28');
    expect(docs[0]!.id).toBe('doc-000');
    expect(latestForFeed(docs.slice(0, 3))).toHaveLength(3);
  });

  it('has feeds for type, region, issuer and status, not for years', () => {
    expect(['type', 'region', 'issuer', 'status', 'year'].map((f) => hasFeed(f as never))).toEqual([true, true, true, true, false]);
  });
});

describe('feed dates', () => {
  it('gives a pubDate only to a date with its day, at midnight UTC of that day', () => {
    expect(feedPubDate('2019-10-29')?.toUTCString()).toBe('Tue, 29 Oct 2019 00:00:00 GMT');
    expect(feedPubDate('2019-10')).toBeUndefined();
    expect(feedPubDate('2019')).toBeUndefined();
    expect(feedPubDate(undefined)).toBeUndefined();
    expect(feedPubDate('2019-13-01')).toBeUndefined();
  });
});

describe('summaries', () => {
  it('take the first paragraph as text: tags dropped, references decoded, salutations skipped', () => {
    const html = '<p>同志们：</p>\n<p><a href="/people/x/" class="entity">于军</a>强调，要&lt;坚持&gt;&amp;完善&#x4eba;大&#20195;表制度。</p><p>第二段。</p>';
    expect(summaryOf(html)).toBe('于军强调，要<坚持>&完善人大代表制度。');
    expect(summaryOf('<h2>一、总则</h2>')).toBeUndefined();
    expect(htmlText(' a <b>b</b>\n  c ')).toBe('a b c');
  });

  it(`are cut at ${SUMMARY_LENGTH} characters, counting Chinese characters and surrogate pairs as one`, () => {
    const long = `${'字'.repeat(SUMMARY_LENGTH)}𠀀尾`;
    const summary = summaryOf(`<p>${long}</p>`)!;
    expect([...summary]).toHaveLength(SUMMARY_LENGTH);
    expect(summary.endsWith('字…')).toBe(true);
    expect(summaryOf(`<p>${'字'.repeat(SUMMARY_LENGTH)}</p>`)).toBe('字'.repeat(SUMMARY_LENGTH));
  });

  it('of an MDX source skip front matter, headings, imports and components, and drop Markdown marks', () => {
    const source = [
      '---', 'id: x', 'title: 关于测试的通知', '---', '', "import Note from '../Note.astro';", '', '## 一、总体要求', '',
      '<Note>提示</Note>', '', '各位代表：', '', '这是一篇 **MDX** 格式的[通知](/documents/y/)，`代码`照录。', '', '第二段。',
    ].join('\n');
    expect(summaryOfMdx(source)).toBe('这是一篇 MDX 格式的通知，代码照录。');
    expect(summaryOfMdx('---\nid: x\n---\n\n## 只有标题\n')).toBeUndefined();
  });
});
