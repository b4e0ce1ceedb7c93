/** The text rules and shared helpers the stages are built from. */
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../src/lib/chinese-numerals.ts';
import { findDates, firstDate } from '../../../src/lib/chinese-date.ts';
import { numberedHeadingLevel, parseArticleStart, parseDivisionHeading } from '../../../src/lib/legal-structure.ts';
import { resolveRegion } from '../../../src/importer/region.ts';
import { findGarbledSpans } from '../../../src/importer/text/garbled.ts';
import { findPinyinAnnotations } from '../../../src/importer/text/pinyin.ts';
import { findPlaceholders } from '../../../src/importer/text/anonymised.ts';
import { normalisePunctuation } from '../../../src/importer/text/punctuation.ts';
import { boilerplateRule } from '../../../src/importer/rules/boilerplate.ts';
import { parseMetadataLine } from '../../../src/importer/rules/metadata.ts';
import { titleSlug, documentId } from '../../../src/importer/slug.ts';

describe('Chinese numerals and dates', () => {
  it('reads numerals', () => {
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('二〇二三')).toBe(2023);
    expect(parseChineseNumber('２０２３')).toBe(2023);
    expect(parseChineseNumber('条')).toBeUndefined();
  });
  it('keeps the precision a date is written with and never invents a year', () => {
    expect(findDates('2022年6月23日上午').map((d) => d.kind === 'date' && d.value)).toEqual(['2022-06-23']);
    expect(findDates('二〇二二年六月').map((d) => d.kind === 'date' && d.value)).toEqual(['2022-06']);
    expect(findDates('发布时间:2022-06-23').map((d) => d.kind === 'date' && d.value)).toEqual(['2022-06-23']);
    expect(findDates('2023年2月30日')).toEqual([]);
    expect(firstDate('10月29日上午，区委召开')).toMatchObject({ kind: 'no-year', month: 10, day: 29, text: '10月29日' });
  });
});

describe('legal structure', () => {
  it('parses divisions, articles and numbered headings', () => {
    expect(parseDivisionHeading('第一章  总  则')).toMatchObject({ kind: '章', number: 1, label: '第一章', title: '总则' });
    expect(parseDivisionHeading('第三节')).toMatchObject({ kind: '节', number: 3, title: '' });
    expect(parseDivisionHeading('第一章规定的事项，应当依法办理。')).toBeUndefined();
    expect(parseArticleStart('第一百零五条 为了')).toMatchObject({ label: '第一百零五条', number: 105, rest: '为了' });
    expect(numberedHeadingLevel('一、总体要求')).toBe(2);
    expect(numberedHeadingLevel('（一）指导思想')).toBe(3);
    expect(numberedHeadingLevel('一是坚持')).toBeUndefined();
  });
});

describe('regions', () => {
  const resolve = (text: string) => resolveRegion([{ label: '正文', text }], text).region;
  it('resolves county-level names to their full path', () => {
    expect(resolve('海淀区人大常委会')).toBe('北京市海淀区');
    expect(resolve('房山区人大常委会')).toBe('北京市房山区');
    expect(resolve('昭化区委人大工作会议召开')).toBe('四川省广元市昭化区');
    expect(resolve('潍坊市海岸带保护条例')).toBe('山东省潍坊市');
  });
  it('does not guess from shared names, short words or bare place words', () => {
    expect(resolve('朝阳区人大常委会')).toBeUndefined();
    expect(resolve('朝阳区人大常委会，长春市')).toBe('吉林省长春市朝阳区');
    expect(resolve('文明城区创建，看北京首先从政治上看')).toBeUndefined();
    expect(resolve('为建设更高水平的法治×、平安×提供保障；×河流域')).toBeUndefined();
  });
});

describe('garbled spans, pinyin and placeholders', () => {
  it('finds mojibake with its swallowed annotation, and nothing in rare but real text', () => {
    expect(findGarbledSpans('各方面?!耙桓晃瘍稍骸币袑嵲鰪?qiáng)由人大產(chǎn)生').map((s) => s.text)).toEqual(['?!耙桓晃瘍稍骸币袑嵲鰪?qiáng)']);
    expect(findGarbledSpans('镇游王村至洛阳市瀍河，鲌鱼、红鳍鲌鱼，朱镕基同志')).toEqual([]);
    expect(findGarbledSpans('你们同意吗?同意。')).toEqual([]);
    expect(findGarbledSpans('议案督办vlog短视频和手机App')).toEqual([]);
  });
  it('removes only tone-marked syllables right after a character', () => {
    expect(findPinyinAnnotations('區(qū)委(試行)(2023)(一)強(qiáng)').map((a) => a.text)).toEqual(['(qū)', '(qiáng)']);
    expect(findPinyinAnnotations('鰪?qiáng)由')).toEqual([]);
  });
  it('finds placeholders but not multiplication', () => {
    expect(findPlaceholders('×同志作了说明，×××出席，表彰×名代表').map((p) => p.form)).toEqual(['×同志', '×××', '×名']);
    expect(findPlaceholders('面积为3×4米')).toEqual([]);
  });
  it('widens punctuation only between Chinese characters', () => {
    expect(normalisePunctuation('精神,对于(试行)同志们:').text).toBe('精神，对于（试行）同志们：');
    expect(normalisePunctuation('3.5%, 2:1, https://a.cn/x?y=1').text).toBe('3.5%, 2:1, https://a.cn/x?y=1');
  });
});

describe('line rules', () => {
  it('knows chrome from content', () => {
    expect(boilerplateRule('面包屑导航小图标 首页 > 人大资料 > 目录')?.id).toBe('breadcrumb');
    expect(boilerplateRule('【字号: 收藏收藏 打印打印')?.id).toBe('page-tools');
    expect(boilerplateRule('会员群：   免费QQ群：')?.id).toBe('advertising');
    expect(boilerplateRule('第十条　协会会员资料应当保密。')).toBeUndefined();
    expect(boilerplateRule('代表建议办理情况向社会公开，接受群众监督。')).toBeUndefined();
  });
  it('reads metadata lines and leaves sentences alone', () => {
    expect(parseMetadataLine('发布时间:2022-06-23 作者:佚名 来源:北京市人民代表大会常务委员会')?.map((f) => f.target)).toEqual(['date', 'author', 'source-name']);
    expect(parseMetadataLine('来源于群众的意见建议，要认真办理。')).toBeUndefined();
    expect(parseMetadataLine('时间紧、任务重')).toBeUndefined();
  });
});

describe('ids', () => {
  it('are lowercase pinyin words, at most eight syllables, with the date as known', () => {
    expect(titleSlug('区委召开第五次人大工作会议')).toBe('quwei-zhaokai-diwuci');
    expect(documentId('在区委人大工作会议上的讲话', undefined)).toBe('undated-zai-quwei-renda-gongzuo');
    expect(documentId('北京市实施《水法》办法', '2019-07-26', { disambiguate: true })).toMatch(/^2019-07-26-beijingshi-shishi-shuifa-[0-9a-f]{4}$/);
    expect(documentId('中华人民共和国就业促进法', '2015-04-24', { disambiguate: true })).toBe('2015-04-24-jiuye-cujinfa');
    expect(documentId('最高人民法院关于审理劳动争议案件适用法律问题的解释（一）', '2020-12-29', { disambiguate: true })).toMatch(/^2020-12-29-zuigaorenminfayuan-[a-z-]+-[0-9a-f]{4}$/);
  });
});
