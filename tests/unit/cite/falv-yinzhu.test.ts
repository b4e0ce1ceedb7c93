/**
 * 法学引注手册 citations, checked against the handbook's own examples of
 * legal documents and web copies (its 示例 of 《民法总则》第27条第2款第3项,
 * 国发〔2007〕19号, 《公司法》（2005年修订）, （已废止）, 法释〔2018〕1号 第100条, 载人民网 and
 * 载新华网) and the forms the archive adds: a speech with its date, a web copy
 * with the date of last access, partial and missing dates, a
 * Traditional-converted copy, the versions of a rule, an article pinpoint.
 */
import { describe, expect, it } from 'vitest';
import { citations, falvYinzhu, type CiteSource } from '../../../src/lib/cite/index.ts';

const site = 'https://wenyuan.example';
const archiveUrl = `${site}/documents/x/`;

describe('falvYinzhu: the handbook’s examples of legal documents', () => {
  it('an article, 款 and 项 in Arabic numerals: 《民法总则》第27条第2款第3项', () => {
    expect(falvYinzhu({ type: 'rule', title: '民法总则', archiveUrl }, { pinpoint: '第二十七条第二款第三项' })).toBe('《民法总则》第27条第2款第3项。');
  });

  it('a policy document with its document number', () => {
    expect(falvYinzhu({ type: 'notice', title: '国务院关于在全国建立农村最低生活保障制度的通知', docNumber: '国发〔2007〕19号', archiveUrl })).toBe(
      '《国务院关于在全国建立农村最低生活保障制度的通知》，国发〔2007〕19号。',
    );
  });

  it('the year of a revised version: 《公司法》（2005年修订）', () => {
    expect(falvYinzhu({ type: 'rule', title: '公司法', revision: { year: 2005, revised: true }, archiveUrl })).toBe('《公司法》（2005年修订）。');
  });

  it('a repealed document, then its number', () => {
    const repealed: CiteSource = {
      type: 'notice',
      title: '最高人民法院、最高人民检察院关于依法严惩破坏计划生育犯罪活动的通知',
      status: '已废止',
      docNumber: '法发〔1993〕36号',
      archiveUrl,
    };
    expect(falvYinzhu(repealed)).toBe('《最高人民法院、最高人民检察院关于依法严惩破坏计划生育犯罪活动的通知》（已废止），法发〔1993〕36号。');
  });

  it('an article of a numbered document; a title citing another gets 〈〉 inside 《》', () => {
    const interpretation: CiteSource = { type: 'rule', title: '最高人民法院关于适用《中华人民共和国行政诉讼法》的解释', docNumber: '法释〔2018〕1号', archiveUrl };
    expect(falvYinzhu(interpretation, { pinpoint: '第一百条' })).toBe('《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号），第100条。');
  });

  it('the issue’s example: 《中华人民共和国行政处罚法》（2021年修订）第9条', () => {
    const law: CiteSource = { type: 'rule', title: '中华人民共和国行政处罚法', revision: { year: 2021, revised: true }, date: '2021-01-22', archiveUrl };
    expect(falvYinzhu(law, { pinpoint: '第九条' })).toBe('《中华人民共和国行政处罚法》（2021年修订）第9条。');
  });
});

describe('falvYinzhu: the handbook’s examples of web copies', () => {
  it('an author’s text on a site with its date: 汪波：《…》，载人民网2004年1月10日，URL', () => {
    const news: CiteSource = {
      type: 'article',
      title: '哈尔滨市政法机关正对“宝马案”认真调查复查',
      issuer: '汪波',
      date: '2004-01-10',
      sourceName: '人民网',
      sourceUrl: 'http://www.people.com.cn/GB/shehui/1062/2289764.html',
      archiveUrl,
    };
    expect(falvYinzhu(news)).toBe('汪波：《哈尔滨市政法机关正对“宝马案”认真调查复查》，载人民网2004年1月10日，http://www.people.com.cn/GB/shehui/1062/2289764.html。');
  });

  it('a text without author or date: 《…》，载新华网，URL; with the date of last access', () => {
    const report: CiteSource = {
      type: 'meeting-report',
      title: '被告人李宁、张磊贪污案一审开庭',
      sourceName: '新华网',
      sourceUrl: 'http://www.xinhuanet.com/legal/2019-12/31/c_1125406056.htm',
      archiveUrl,
    };
    expect(falvYinzhu(report)).toBe('《被告人李宁、张磊贪污案一审开庭》，载新华网，http://www.xinhuanet.com/legal/2019-12/31/c_1125406056.htm。');
    expect(falvYinzhu(report, { citedOn: '2024-05-01' })).toBe(
      '《被告人李宁、张磊贪污案一审开庭》，载新华网，http://www.xinhuanet.com/legal/2019-12/31/c_1125406056.htm，最后访问日期：2024年5月1日。',
    );
  });

  it('a site named without 网 becomes …网站', () => {
    const article: CiteSource = {
      type: 'article',
      title: '深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想推动新时代人大工作高质量发展',
      issuer: '房山区人大常委会',
      date: '2022-06-23',
      sourceName: '北京市人民代表大会常务委员会',
      sourceUrl: 'http://www.bjrd.gov.cn/rdzl/rdllysjhk/202201q/ml/202204/t20220405_2654062.html',
      archiveUrl,
    };
    expect(falvYinzhu(article, { citedOn: '2022-10-31' })).toBe(
      '房山区人大常委会：《深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想推动新时代人大工作高质量发展》，载北京市人民代表大会常务委员会网站2022年6月23日，http://www.bjrd.gov.cn/rdzl/rdllysjhk/202201q/ml/202204/t20220405_2654062.html，最后访问日期：2022年10月31日。',
    );
  });
});

describe('falvYinzhu: archive documents', () => {
  it('a speech by its speaker and date: 于军：《在…上的讲话》（2019年10月29日）', () => {
    const speech: CiteSource = { type: 'speech', title: '在区委第五次人大工作会议上的讲话', speaker: '于军', date: '2019-10-29', archiveUrl };
    expect(falvYinzhu(speech, { citedOn: '2024-05-01' })).toBe('于军：《在区委第五次人大工作会议上的讲话》（2019年10月29日）。');
    // As precise as the document: a month, a year, or nothing (a source that gave only 10月29日).
    expect(falvYinzhu({ ...speech, date: '2019-10' })).toBe('于军：《在区委第五次人大工作会议上的讲话》（2019年10月）。');
    expect(falvYinzhu({ ...speech, date: '2019' })).toBe('于军：《在区委第五次人大工作会议上的讲话》（2019年）。');
    expect(falvYinzhu({ ...speech, date: undefined })).toBe('于军：《在区委第五次人大工作会议上的讲话》。');
    expect(falvYinzhu({ ...speech, speaker: undefined, date: undefined })).toBe('《在区委第五次人大工作会议上的讲话》。');
  });

  it('a speech read on a web site also says where', () => {
    const speech: CiteSource = {
      type: 'speech',
      title: '在区委第五次人大工作会议上的讲话',
      speaker: '于军',
      date: '2019-10-29',
      sourceName: '海淀区人大常委会',
      sourceUrl: 'https://example.org/speech.html',
      archiveUrl,
    };
    expect(falvYinzhu(speech, { citedOn: '2024-05-01' })).toBe(
      '于军：《在区委第五次人大工作会议上的讲话》（2019年10月29日），载海淀区人大常委会网站，https://example.org/speech.html，最后访问日期：2024年5月1日。',
    );
  });

  it('a text without a source address is read in the archive: 载文渊网站 and its permanent address', () => {
    const report: CiteSource = { type: 'meeting-report', title: '区委召开第五次人大工作会议', archiveUrl };
    expect(falvYinzhu(report, { citedOn: '2022-10-31' })).toBe(`《区委召开第五次人大工作会议》，载文渊网站，${archiveUrl}，最后访问日期：2022年10月31日。`);
  });

  it('a Traditional-converted copy is cited where its Simplified text is: the archive', () => {
    const converted: CiteSource = {
      type: 'meeting-report',
      title: '昭化区委人大工作会议召开',
      date: '2023-11',
      sourceName: '昭化区人大',
      sourceUrl: 'https://example.org/zh-hant.html',
      archiveUrl,
      converted: true,
    };
    expect(falvYinzhu(converted, { citedOn: '2024-05-01' })).toBe(`《昭化区委人大工作会议召开》，载文渊网站，${archiveUrl}，最后访问日期：2024年5月1日。`);
  });

  it('the versions of a rule: the first by its year, later ones 修订; one version, or a title that says it, adds nothing', () => {
    const base: CiteSource = { type: 'rule', title: '北京市各级人民代表大会常务委员会规范性文件备案审查条例', archiveUrl };
    expect(falvYinzhu({ ...base, revision: { year: 2021, revised: false } })).toBe('《北京市各级人民代表大会常务委员会规范性文件备案审查条例》（2021年）。');
    expect(falvYinzhu({ ...base, revision: { year: 2024, revised: true } }, { pinpoint: '第八条' })).toBe(
      '《北京市各级人民代表大会常务委员会规范性文件备案审查条例》（2024年修订）第8条。',
    );
    expect(falvYinzhu(base)).toBe('《北京市各级人民代表大会常务委员会规范性文件备案审查条例》。');
    expect(falvYinzhu({ ...base, title: '某条例（2023年修订）', revision: { year: 2023, revised: true } })).toBe('《某条例（2023年修订）》。');
  });

  it('an article pinpoint names the article’s address in the archive', () => {
    const rule: CiteSource = {
      type: 'rule',
      title: '测试区人民代表大会常务委员会议事规则',
      docNumber: '测人常发〔2023〕4号',
      sourceName: '测试区人大常委会',
      sourceUrl: 'https://example.org/rule.html',
      archiveUrl,
    };
    expect(citations(rule, { citedOn: '2024-09-27', pinpoint: '第二条第一款' })['falv-yinzhu']).toBe(
      `《测试区人民代表大会常务委员会议事规则》（测人常发〔2023〕4号），第2条第1款，载文渊网站，${archiveUrl}#第二条第一款，最后访问日期：2024年9月27日。`,
    );
    expect(citations(rule, { citedOn: '2024-09-27' })['falv-yinzhu']).toBe('《测试区人民代表大会常务委员会议事规则》，测人常发〔2023〕4号。');
  });
});
