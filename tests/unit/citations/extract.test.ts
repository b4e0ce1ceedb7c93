import { describe, expect, it } from 'vitest';
import { classifyCitation, isShortForm } from '../../../src/lib/citations/classify.ts';
import { extractCitations } from '../../../src/lib/citations/extract.ts';
import { displayTitle, titleKey } from '../../../src/lib/citations/normalise.ts';
import { parsePinpoint } from '../../../src/lib/citations/pinpoint.ts';
import { TitleIndex } from '../../../src/lib/citations/resolve.ts';

const HAIDIAN = '北京市海淀区';

describe('title normalisation', () => {
  it('folds Traditional characters, full-width brackets, spaces and line breaks', () => {
    expect(titleKey('中華人民共和國 憲法')).toBe(titleKey('中华人民共和国宪法'));
    expect(titleKey('海淀区人大常委会专家顾问工作规则（试行）')).toBe(titleKey('海淀区人大常委会专家顾问工作规则(试行)'));
    expect(titleKey('青禾区人民代表大会\n常务委员会议事规则')).toBe('青禾区人民代表大会常务委员会议事规则');
    expect(displayTitle('中華人民共和國　憲法')).toBe('中华人民共和国宪法');
  });
});

describe('extraction', () => {
  it('reads an issuer written before the title, and one written inside it', () => {
    const [prefixed] = extractCitations('贯彻落实区委《关于新时代加强和改进人大工作的意见》', HAIDIAN);
    expect(prefixed!.issuers.map((i) => [i.written, i.scope, i.core])).toEqual([['区委', HAIDIAN, '委']]);
    expect(prefixed!.embeddedIssuer).toBeUndefined();
    const [embedded] = extractCitations('《中共北京市海淀区委关于新时代加强和改进人大工作的意见》');
    expect(embedded!.embeddedIssuer).toMatchObject({ written: '中共北京市海淀区委', scope: HAIDIAN, core: '委' });
    expect(embedded!.coreKey).toBe(prefixed!.coreKey);
    expect(embedded!.selfIdentifying).toBe(true);
    expect(prefixed!.selfIdentifying).toBe(false);
  });

  it('reads joint issuers and issuers with a verb between them and the title', () => {
    const [joint] = extractCitations('中共中央办公厅、国务院办公厅印发的《关于加强新时代人大工作的意见》');
    expect(joint!.issuers.map((i) => i.written)).toEqual(['中共中央办公厅', '国务院办公厅']);
    const [made] = extractCitations('这次区委依据省委《决定》出台的《关于新时代加强人大工作的实施意见》', '四川省广元市昭化区');
    expect(made!.issuers.map((i) => i.written)).toEqual(['省委']);
    expect(made!.shortForm).toBe(true);
    expect(extractCitations('区委依据省委《决定》出台的《关于新时代加强人大工作的实施意见》')[1]!.issuers).toEqual([]);
  });

  it('reads a pinpoint after the title and links it with the title', () => {
    const [c] = extractCitations('依照《青禾区人民代表大会常务委员会议事规则》第八条第二款规定');
    expect(c!.pinpoint).toMatchObject({ text: '第八条第二款', article: '第八条', anchor: '第八条第二款' });
    expect(c!.linked).toBe('《青禾区人民代表大会常务委员会议事规则》第八条第二款');
    expect(parsePinpoint('第十二条之一的规定')).toMatchObject({ article: '第十二条之一' });
    expect(parsePinpoint('的规定')).toBeUndefined();
  });

  it('keeps a title broken across lines or spaced out, in Simplified', () => {
    const [c] = extractCitations('依照《青禾区人民代表大会\n常務委員會議事規則》');
    expect(c!.title).toBe('青禾区人民代表大会常务委员会议事规则');
    expect(c!.linked).toBe('《青禾区人民代表大会\n常務委員會議事規則》');
  });

  it('does not run past a sentence end or an unclosed mark', () => {
    expect(extractCitations('《未闭合的标题。后面还有》文字')).toEqual([]);
    expect(extractCitations('《》')).toEqual([]);
  });
});

describe('classification', () => {
  it.each([
    ['人大理论与实践', '', '', 'periodical'],
    ['人民日报', '', '', 'periodical'],
    ['某某研究', '', '2022年第3期', 'periodical'],
    ['某某', '刊登于', '', 'periodical'],
    ['习近平谈治国理政', '', '一书', 'book'],
    ['习近平关于坚持和完善人民代表大会制度论述摘编', '', '', 'book'],
    ['新闻联播', '', '节目', 'work'],
    ['中国共产党党组工作条例（试行）', '', '', 'document'],
    ['关于议案的规定', '', '', 'document'],
    ['“十三五”发展规划纲要', '', '', 'document'],
    ['情况通报', '', '', 'document'],
    ['刑法修正案（九）', '', '', 'document'],
    ['企业法人营业执照', '', '', 'form'],
    ['医疗机构执业许可证', '', '', 'form'],
    ['红楼梦', '', '', 'unknown'],
  ])('《%s》 %s…%s → %s', (title, before, after, kind) => {
    expect(classifyCitation(title, before, after)).toBe(kind);
  });

  it('short forms are bare kinds of document', () => {
    expect(['意见', '实施意见', '决定', '议事规则', '实施细则（试行）', '解释'].every(isShortForm)).toBe(true);
    expect(['关于议案的规定', '政府工作报告', '讲话'].some(isShortForm)).toBe(false);
  });
});

describe('resolution against the archive', () => {
  const index = new TitleIndex([
    { id: 'yijian', title: '关于新时代加强和改进人大工作的意见', aliases: [], issuer: '中共北京市海淀区委', region: HAIDIAN },
    { id: 'old', title: '青禾区规范性文件备案审查条例', aliases: [], region: '北京市青禾区', date: '2019-01-01', status: '已修订', work: 'beian' },
    { id: 'new', title: '青禾区规范性文件备案审查条例', aliases: [], region: '北京市青禾区', date: '2024-01-01', status: '现行有效', work: 'beian' },
    { id: 'twin-a', title: '人大代表联络站工作规则', aliases: [], region: '北京市青禾区' },
    { id: 'twin-b', title: '人大代表联络站工作规则', aliases: ['《联络站规则》'], region: '北京市青禾区' },
    { id: 'xianfa', title: '中华人民共和国宪法', aliases: [] },
  ]);
  const one = (text: string, region?: string) => extractCitations(text, region)[0]!;

  it('matches the same title by the same issuer, whichever way the issuer is written', () => {
    expect(index.resolve(one('《中共北京市海淀区委关于新时代加强和改进人大工作的意见》'), { region: HAIDIAN })).toEqual({ status: 'resolved', id: 'yijian', via: 'issuer-and-title' });
    expect(index.resolve(one('区委《关于新时代加强和改进人大工作的意见》', HAIDIAN), { region: HAIDIAN })).toMatchObject({ status: 'resolved', id: 'yijian' });
    // Another district's committee: not this document.
    expect(index.resolve(one('区委《关于新时代加强和改进人大工作的意见》', '北京市朝阳区'), { region: '北京市朝阳区' })).toEqual({ status: 'none' });
    expect(index.resolve(one('《关于新时代加强和改进人大工作的意见》'), { region: '四川省广元市昭化区' })).toEqual({ status: 'none' });
  });

  it('never guesses between two documents; an alias settles it', () => {
    expect(index.resolve(one('《人大代表联络站工作规则》'), { region: '北京市青禾区' })).toEqual({ status: 'ambiguous', candidates: ['twin-a', 'twin-b'] });
    expect(index.resolve(one('《联络站规则》'), { region: '北京市青禾区' })).toEqual({ status: 'resolved', id: 'twin-b', via: 'alias' });
  });

  it('versions of one work are one candidate: the version in force at the citing date', () => {
    const c = one('《青禾区规范性文件备案审查条例》');
    expect(index.resolve(c, {})).toMatchObject({ id: 'new' });
    expect(index.resolve(c, { date: '2020-06' })).toMatchObject({ id: 'old' });
    expect(index.resolve(c, { date: '2024-05-01' })).toMatchObject({ id: 'new' });
    // The old version naming its own title means itself.
    expect(index.resolve(c, { id: 'old', date: '2025-01-01' })).toMatchObject({ id: 'old' });
  });

  it('a national law cited without 中华人民共和国 is that law', () => {
    expect(index.resolve(one('《宪法》'), {})).toEqual({ status: 'resolved', id: 'xianfa', via: 'issuer-and-title' });
  });
});
