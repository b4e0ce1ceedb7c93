/**
 * What an HTML page declares about itself (DeclaredMeta) and its main
 * content's link density, on the extract fixtures
 * (tests/fixtures/importer/extract/<case>/input.html) and on small pages.
 */
import { describe, expect, it } from 'vitest';
import { htmlToUnits, splitTitle, type DeclaredMeta } from '../../../src/importer/stages/extract-html.ts';
import { extract } from '../../../src/importer/stages/extract.ts';
import { inputOf } from './fixtures.ts';

const fixture = (name: string) => inputOf('extract', name).bytes.toString('utf8');
const values = (d: DeclaredMeta) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.value]));
const page = (head: string, body = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('declared meta tags', () => {
  it('reads every specification meta tag, description and og:title, with its line', () => {
    const { declared } = htmlToUnits(fixture('gov-xxgk-notice'));
    expect(values(declared)).toEqual({
      title: '关于印发云溪市优化营商环境若干措施的通知',
      siteName: '云溪市人民政府门户网站',
      h1: '关于印发云溪市优化营商环境若干措施的通知',
      articleTitle: '关于印发云溪市优化营商环境若干措施的通知',
      pubDate: '2024-03-18 09:30',
      contentSource: '云溪市人民政府办公室',
      columnName: '政策文件',
      keywords: '营商环境,政务服务,市场主体',
      description: '云溪市人民政府办公室关于印发云溪市优化营商环境若干措施的通知',
      ogTitle: '关于印发云溪市优化营商环境若干措施的通知',
    });
    expect(declared.pubDate).toEqual({ value: '2024-03-18 09:30', line: 13, how: '<meta name="PubDate">（第13行）' });
    expect(declared.siteName).toEqual({ value: '云溪市人民政府门户网站', line: 7, how: '<meta name="SiteName">（第7行）' });
    expect(declared.ogTitle?.how).toBe('<meta property="og:title">（第17行）');
  });

  it('reads upper-case META NAME/CONTENT of old pages, and Description', () => {
    const { declared } = htmlToUnits(fixture('old-table-layout'));
    expect(declared.articleTitle?.value).toBe('关于划定2024年森林防火期的通告');
    expect(declared.pubDate?.value).toBe('2024-01-30 10:12:45');
    expect(declared.contentSource?.value).toBe('云溪县应急管理局');
    expect(declared.columnName?.value).toBe('通知公告');
    expect(declared.siteName?.value).toBe('云溪县人民政府');
    expect(declared.description?.value).toBe('云溪县人民政府关于划定2024年森林防火期的通告');
    expect(declared.h1).toBeUndefined();
  });

  it('reads lower-case keywords, and takes the site name from the <title> when there is no SiteName meta', () => {
    const { declared } = htmlToUnits(fixture('renda-news-h2'));
    expect(declared.keywords?.value).toBe('常委会会议,审议,专题询问');
    expect(declared.siteName).toEqual({ value: '云溪区人大', line: 6, how: '网页 <title>「区人大常委会召开第十八次会议 - 云溪区人大」中的站名（第6行）' });
  });

  it('skips empty meta values and keeps the first of a repeated name', () => {
    const { declared } = htmlToUnits(page('<meta name="PubDate" content=" "><meta name="pubdate" content="2023-05-06"><meta name="PubDate" content="2024-01-01">'));
    expect(declared.pubDate?.value).toBe('2023-05-06');
  });

  it('is passed on by the extract stage, with the link density; plain text has neither', () => {
    const extracted = extract(fixture('gov-xxgk-notice'));
    expect(extracted.declared?.articleTitle?.value).toBe('关于印发云溪市优化营商环境若干措施的通知');
    expect(extracted.links?.count).toBeGreaterThan(0);
    expect(extracted.htmlTitle?.value).toBe('关于印发云溪市优化营商环境若干措施的通知_政策文件_云溪市人民政府门户网站');
    const text = extract('关于某事的通知\n各单位：现将有关事项通知如下。');
    expect(text.declared).toBeUndefined();
    expect(text.links).toBeUndefined();
  });
});

describe('<title> with the site name split off', () => {
  it('关于印发…的通知_广州市人民政府门户网站: site after `_`', () => {
    const { declared } = htmlToUnits(page('<title>关于印发广州市促进消费若干措施的通知_广州市人民政府门户网站</title>'));
    expect(declared.title).toEqual({
      value: '关于印发广州市促进消费若干措施的通知',
      line: 1,
      how: '网页 <title>「关于印发广州市促进消费若干措施的通知_广州市人民政府门户网站」拆去站名「广州市人民政府门户网站」（第1行）',
    });
    expect(declared.siteName?.value).toBe('广州市人民政府门户网站');
  });

  it('标题 - 中国人大网: site after ` - `', () => {
    expect(splitTitle('全国人民代表大会常务委员会工作报告 - 中国人大网')).toEqual({ title: '全国人民代表大会常务委员会工作报告', site: '中国人大网', columns: [] });
  });

  it('站名|标题: the site first', () => {
    expect(splitTitle('云溪县人民政府|关于划定2024年森林防火期的通告')).toEqual({ title: '关于划定2024年森林防火期的通告', site: '云溪县人民政府', columns: [] });
    expect(splitTitle('云溪区人大｜区人大常委会召开第十八次会议')).toEqual({ title: '区人大常委会召开第十八次会议', site: '云溪区人大', columns: [] });
  });

  it('the other separators: ｜, —, --', () => {
    expect(splitTitle('关于开展春季安全生产检查的通知｜云溪政务网').title).toBe('关于开展春季安全生产检查的通知');
    expect(splitTitle('关于开展春季安全生产检查的通知—云溪市应急管理局官网').title).toBe('关于开展春季安全生产检查的通知');
    expect(splitTitle('关于开展春季安全生产检查的通知--云溪市人民政府').title).toBe('关于开展春季安全生产检查的通知');
  });

  it('the SiteName meta names the site even when it does not look like one', () => {
    expect(splitTitle('云溪发布|关于做好春耕备耕工作的通知', { siteName: '云溪发布' })).toEqual({ title: '关于做好春耕备耕工作的通知', site: '云溪发布', columns: [] });
    // A title that merely contains the site name is not the site part.
    expect(splitTitle('云溪市人民政府关于任免的通知_云溪市人民政府', { siteName: '云溪市人民政府' }).title).toBe('云溪市人民政府关于任免的通知');
  });

  it('a shorter tail that the page repeats (its logo, its footer) is the site', () => {
    expect(splitTitle('关于做好春耕备耕工作的通知_山水云溪', { pageText: '山水云溪 首页 … 主办：山水云溪编辑部' }).title).toBe('关于做好春耕备耕工作的通知');
    expect(splitTitle('关于做好春耕备耕工作的通知_山水云溪', { pageText: '首页 …' }).title).toBe('关于做好春耕备耕工作的通知_山水云溪');
  });

  it('a column name between title and site goes too, when the ColumnName meta names it', () => {
    expect(splitTitle('关于印发某办法的通知_政策文件_云溪市人民政府门户网站', { columnName: '政策文件' })).toEqual({
      title: '关于印发某办法的通知',
      site: '云溪市人民政府门户网站',
      columns: ['政策文件'],
    });
  });

  it('keeps a subtitle after ——, a year range with —, and a hyphen without spaces', () => {
    expect(splitTitle('坚持和完善人民代表大会制度——在区委人大工作会议上的讲话_云溪区人大').title).toBe('坚持和完善人民代表大会制度——在区委人大工作会议上的讲话');
    expect(splitTitle('云溪市2023—2025年生态环境保护规划_云溪市人民政府').title).toBe('云溪市2023—2025年生态环境保护规划');
    expect(splitTitle('关于COVID-19防控工作的通知 - 云溪政务网').title).toBe('关于COVID-19防控工作的通知');
  });

  it('a <title> without a site part stays whole', () => {
    expect(splitTitle('关于做好春耕备耕工作的通知')).toEqual({ title: '关于做好春耕备耕工作的通知', columns: [] });
    expect(splitTitle('春耕_备耕')).toEqual({ title: '春耕_备耕', columns: [] });
    const { declared } = htmlToUnits(page('<title>关于做好春耕备耕工作的通知</title>'));
    expect(declared.title?.how).toBe('网页 <title>「关于做好春耕备耕工作的通知」（无站名可拆）（第1行）');
    expect(declared.siteName).toBeUndefined();
  });

  it('htmlTitle still carries the whole <title>', () => {
    const extracted = extract(fixture('renda-news-h2'));
    expect(extracted.htmlTitle).toEqual({ value: '区人大常委会召开第十八次会议 - 云溪区人大', line: 6 });
    expect(extracted.declared?.title?.value).toBe('区人大常委会召开第十八次会议');
  });
});

describe('declared <h1>', () => {
  it('is the first <h1> of the main content, not a logo <h1> that is the site name', () => {
    const { declared } = htmlToUnits(fixture('gov-xxgk-notice'));
    expect(declared.h1).toEqual({ value: '关于印发云溪市优化营商环境若干措施的通知', line: 46, how: '正文的第一个 <h1>（第46行）' });
  });

  it('is the first <h2> when the main content has no <h1> (the logo <h1> sits in <header>)', () => {
    const { declared } = htmlToUnits(fixture('renda-news-h2'));
    expect(declared.h1).toEqual({ value: '区人大常委会召开第十八次会议', line: 24, how: '正文的第一个 <h2>（正文无 <h1>，第24行）' });
  });

  it('ignores headings in chrome elements and collapses whitespace', () => {
    const { declared } = htmlToUnits(page('', '<nav><h1>导航</h1></nav><div class="footer"><h1>页脚</h1></div><h2>关于做好\n  春耕工作的通知</h2><h1> 关于做好春耕备耕工作的\n通知 </h1>'));
    expect(declared.h1?.value).toBe('关于做好春耕备耕工作的通知');
    const only = htmlToUnits(page('', '<nav><h1>导航</h1></nav><h2>关于做好 春耕工作的通知</h2>'));
    expect(only.declared.h1?.value).toBe('关于做好 春耕工作的通知');
  });

  it('is absent when the page has no heading', () => {
    expect(htmlToUnits(fixture('old-table-layout')).declared.h1).toBeUndefined();
  });
});

describe('link density of the main content', () => {
  it('a column page of links: most text in links, many links', () => {
    const { links } = htmlToUnits(fixture('column-list-page'));
    expect(links.count).toBeGreaterThanOrEqual(15);
    expect(links.textShare).toBeGreaterThan(0.5);
  });

  it('articles: little text in links (nav, related lists and share bars are chrome, not main content)', () => {
    for (const name of ['gov-xxgk-notice', 'renda-news-h2', 'old-table-layout', 'short-notice-sidebar', 'html-chrome']) {
      const { links } = htmlToUnits(fixture(name));
      expect(links.textShare, name).toBeLessThan(0.2);
    }
    expect(htmlToUnits(fixture('column-list-page')).links.textShare).toBeGreaterThan(3 * htmlToUnits(fixture('gov-xxgk-notice')).links.textShare);
  });

  it('counts links with an href only (an anchor <a name> is not a link)', () => {
    const { links } = htmlToUnits(page('', '<p>正文<a name="x">锚点</a><a href="/a">链接</a><a href="/b">内</a></p>'));
    expect(links.count).toBe(2);
    expect(links).toEqual({ textShare: Math.round((1000 * 3) / 7) / 1000, count: 2 });
  });

  it('is zero for a page without text', () => {
    expect(htmlToUnits(page('<title>空</title>')).links).toEqual({ textShare: 0, count: 0 });
  });
});
