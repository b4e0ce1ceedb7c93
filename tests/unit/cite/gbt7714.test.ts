/**
 * GB/T 7714—2015 citations. The format is checked against the standard's own
 * worked examples of electronic resources (4.6.2 著录格式, 示例 1–5), transcribed
 * with the standard's half-width punctuation; then the documents of the
 * archive: partial and missing dates, no responsible body, a document number,
 * an article pinpoint, a Traditional-converted copy, a rule with versions.
 */
import { describe, expect, it } from 'vitest';
import { formatGbtElectronic, gbt7714, type CiteSource } from '../../../src/lib/cite/index.ts';

describe('formatGbtElectronic: the worked examples of GB/T 7714—2015 4.6.2', () => {
  it('示例 1: a report online, with its update date and date of citation', () => {
    expect(
      formatGbtElectronic({
        creators: ['中国互联网络信息中心'],
        title: '第29次中国互联网络发展状况统计报告',
        type: 'R',
        carrier: 'OL',
        date: '2012-01-16',
        citedOn: '2013-03-26',
        url: 'http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680',
      }),
    ).toBe('中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. (2012-01-16)[2013-03-26]. http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.');
  });

  it('示例 2: a government notice, its document number as other title information', () => {
    expect(
      formatGbtElectronic({
        creators: ['北京市人民政府办公厅'],
        title: '关于转发北京市企业投资项目核准暂行实施办法的通知',
        otherTitleInfo: ['京政办发〔2005〕37号'],
        type: 'A',
        carrier: 'OL',
        date: '2005-07-12',
        citedOn: '2011-07-12',
        url: 'http://china.findlaw.cn/fagui/p_1/39934.html',
      }),
    ).toBe('北京市人民政府办公厅. 关于转发北京市企业投资项目核准暂行实施办法的通知: 京政办发〔2005〕37号[A/OL]. (2005-07-12)[2011-07-12]. http://china.findlaw.cn/fagui/p_1/39934.html.');
  });

  it('示例 3 and 5: a web document [EB/OL] by a person', () => {
    expect(
      formatGbtElectronic({
        creators: ['BAWDEN D'],
        title: 'Origins and concepts of digital literacy',
        type: 'EB',
        carrier: 'OL',
        date: '2008-05-04',
        citedOn: '2013-03-08',
        url: 'http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf',
      }),
    ).toBe('BAWDEN D. Origins and concepts of digital literacy[EB/OL]. (2008-05-04)[2013-03-08]. http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf.');
    expect(
      formatGbtElectronic({
        creators: ['HOPKINSON A'],
        title: 'UNIMARC and metadata',
        otherTitleInfo: ['Dublin Core'],
        type: 'EB',
        carrier: 'OL',
        date: '2009-04-22',
        citedOn: '2013-03-27',
        url: 'http://archive.ifla.org/IV/ifla64/138-161e.htm',
      }),
    ).toBe('HOPKINSON A. UNIMARC and metadata: Dublin Core[EB/OL]. (2009-04-22)[2013-03-27]. http://archive.ifla.org/IV/ifla64/138-161e.htm.');
  });

  it('示例 4: no date of its own, only the date of citation; a body whose name ends in a full stop keeps one', () => {
    expect(
      formatGbtElectronic({
        creators: ['Online Computer Library Center, Inc.'],
        title: 'About OCLC',
        otherTitleInfo: ['history of cooperation'],
        type: 'EB',
        carrier: 'OL',
        citedOn: '2012-03-27',
        url: 'http://www.oclc.org/about/cooperation.en.html',
      }),
    ).toBe('Online Computer Library Center, Inc. About OCLC: history of cooperation[EB/OL]. [2012-03-27]. http://www.oclc.org/about/cooperation.en.html.');
  });

  it('lists at most three responsible bodies, then 等 (as 4.4.2: 袁训来, 陈哲, 肖书海, 等.)', () => {
    const text = formatGbtElectronic({ creators: ['袁训来', '陈哲', '肖书海', '王四'], title: '蓝田生物群', type: 'EB', carrier: 'OL' });
    expect(text).toBe('袁训来, 陈哲, 肖书海, 等. 蓝田生物群[EB/OL].');
  });
});

const site = 'https://wenyuan.example';
const rule: CiteSource = {
  type: 'rule',
  title: '北京市各级人民代表大会常务委员会规范性文件备案审查条例',
  issuer: '北京市人民代表大会常务委员会',
  date: '2024-09-27',
  status: '现行有效',
  revision: { year: 2024, revised: true },
  archiveUrl: `${site}/documents/2024-09-27-beijingshi-geji-69d0/`,
};

describe('gbt7714: archive documents', () => {
  it('cites the archive copy [EB/OL] at its permanent address when the source has none', () => {
    expect(gbt7714(rule, { citedOn: '2025-01-02' })).toBe(
      `北京市人民代表大会常务委员会. 北京市各级人民代表大会常务委员会规范性文件备案审查条例[EB/OL]. (2024-09-27)[2025-01-02]. ${site}/documents/2024-09-27-beijingshi-geji-69d0/.`,
    );
  });

  it('cites a web copy at its own address, with the document number after the title', () => {
    const notice: CiteSource = {
      type: 'rule',
      title: '青禾区人民代表大会常务委员会议事规则',
      issuer: '青禾区人大常委会',
      date: '2023-03-01',
      docNumber: '青人常发〔2023〕4号',
      sourceName: '青禾区人大常委会网站',
      sourceUrl: 'https://example.org/qinghe/rule.html',
      archiveUrl: `${site}/documents/2023-03-01-qinghe/`,
    };
    expect(gbt7714(notice, { citedOn: '2024-05-01' })).toBe(
      '青禾区人大常委会. 青禾区人民代表大会常务委员会议事规则: 青人常发〔2023〕4号[EB/OL]. (2023-03-01)[2024-05-01]. https://example.org/qinghe/rule.html.',
    );
  });

  it('keeps a partial date as precise as written and invents nothing for an undated text', () => {
    const monthOnly: CiteSource = { type: 'article', title: '某文', issuer: '某区人大常委会', date: '2019-10', archiveUrl: `${site}/documents/a/` };
    expect(gbt7714(monthOnly, { citedOn: '2024-05-01' })).toBe(`某区人大常委会. 某文[EB/OL]. (2019-10)[2024-05-01]. ${site}/documents/a/.`);
    const yearOnly = { ...monthOnly, date: '2019' };
    expect(gbt7714(yearOnly, { citedOn: '2024-05-01' })).toContain('[EB/OL]. (2019)[2024-05-01].');
    // A meeting report whose source gave only 10月29日: no year, no day, and no body: it starts with its title.
    const undated: CiteSource = { type: 'meeting-report', title: '区委召开第五次人大工作会议', archiveUrl: `${site}/documents/undated-quwei/` };
    expect(gbt7714(undated, { citedOn: '2022-10-31' })).toBe(`区委召开第五次人大工作会议[EB/OL]. [2022-10-31]. ${site}/documents/undated-quwei/.`);
    expect(gbt7714(undated)).toBe(`区委召开第五次人大工作会议[EB/OL]. ${site}/documents/undated-quwei/.`);
  });

  it('names the speaker of a speech as its author, never the issuer', () => {
    const speech: CiteSource = { type: 'speech', title: '在区委第五次人大工作会议上的讲话', speaker: '于军', issuer: '海淀区委', date: '2019-10-29', archiveUrl: `${site}/documents/s/` };
    expect(gbt7714(speech, { citedOn: '2024-05-01' })).toBe(`于军. 在区委第五次人大工作会议上的讲话[EB/OL]. (2019-10-29)[2024-05-01]. ${site}/documents/s/.`);
    const anonymous = { ...speech, speaker: undefined };
    expect(gbt7714(anonymous, { citedOn: '2024-05-01' })).toMatch(/^在区委第五次人大工作会议上的讲话\[EB\/OL\]/);
  });

  it('cites an article and its 款 at the article anchor, numbers in Arabic numerals', () => {
    expect(gbt7714(rule, { citedOn: '2025-01-02', pinpoint: '第八条' })).toBe(
      `北京市人民代表大会常务委员会. 北京市各级人民代表大会常务委员会规范性文件备案审查条例: 第8条[EB/OL]. (2024-09-27)[2025-01-02]. ${site}/documents/2024-09-27-beijingshi-geji-69d0/#第八条.`,
    );
    const withNumber = { ...rule, docNumber: '京人常发〔2024〕1号', sourceUrl: 'https://example.org/r.html' };
    // The article's address is the archive's even when the document has a source address.
    expect(gbt7714(withNumber, { pinpoint: '第十二条之一第二款' })).toBe(
      `北京市人民代表大会常务委员会. 北京市各级人民代表大会常务委员会规范性文件备案审查条例: 京人常发〔2024〕1号: 第12条之一第2款[EB/OL]. (2024-09-27). ${site}/documents/2024-09-27-beijingshi-geji-69d0/#第十二条之一第二款.`,
    );
  });

  it('cites the archive copy of a Traditional-converted text, whose Simplified title is the archive’s', () => {
    const converted: CiteSource = {
      type: 'meeting-report',
      title: '昭化区委人大工作会议召开',
      sourceName: '昭化区人大',
      sourceUrl: 'https://example.org/zh-hant.html',
      archiveUrl: `${site}/documents/undated-zhao-hua/`,
      converted: true,
    };
    expect(gbt7714(converted, { citedOn: '2024-05-01' })).toBe(`昭化区委人大工作会议召开[EB/OL]. [2024-05-01]. ${site}/documents/undated-zhao-hua/.`);
  });

  it('dates each version of a rule by its own date', () => {
    const old: CiteSource = { ...rule, date: '2021-11-26', status: '已修订', revision: { year: 2021, revised: false }, archiveUrl: `${site}/documents/2021/` };
    expect(gbt7714(old, { citedOn: '2025-01-02' })).toContain('[EB/OL]. (2021-11-26)[2025-01-02].');
  });
});
