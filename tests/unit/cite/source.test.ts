/** What both citation styles share: article labels, which version a rule is, whose text it is, the date of citation. */
import { describe, expect, it } from 'vitest';
import { chinaDay, citationDate, creatorsOf, documentCiteDates, pinpointLabel, revisionOf } from '../../../src/lib/cite/index.ts';
import type { VersionFacts } from '../../../src/lib/rules/versions.ts';

describe('pinpointLabel', () => {
  it('writes article, 款 and 项 numbers in Arabic numerals and keeps 之一 and 目', () => {
    expect(pinpointLabel('第八条')).toBe('第8条');
    expect(pinpointLabel('第一百零五条第二款第十一项')).toBe('第105条第2款第11项');
    expect(pinpointLabel('第十二条之一')).toBe('第12条之一');
    expect(pinpointLabel('第八条第二款第一项第3目')).toBe('第8条第2款第1项第3目');
    expect(pinpointLabel('第8条')).toBe('第8条');
  });
});

describe('creatorsOf', () => {
  it('splits joint issuers and takes a speech’s speaker, not its issuer', () => {
    expect(creatorsOf({ type: 'opinion', title: 't', issuer: '中共柏溪县委、柏溪县人民政府', archiveUrl: '' })).toEqual(['中共柏溪县委', '柏溪县人民政府']);
    expect(creatorsOf({ type: 'speech', title: 't', issuer: '海淀区委', speaker: '于军', archiveUrl: '' })).toEqual(['于军']);
    expect(creatorsOf({ type: 'speech', title: 't', issuer: '海淀区委', archiveUrl: '' })).toEqual([]);
  });
});

describe('revisionOf', () => {
  const v2021: VersionFacts = { id: 'v2021', title: '条例', date: '2021-11-26', adopted: '2021-11-26', status: '已修订' };
  const v2024: VersionFacts = { id: 'v2024', title: '条例', date: '2024-09-27', adopted: '2024-09-27', status: '现行有效' };

  it('gives each version its adoption year; later versions are revisions', () => {
    expect(revisionOf([v2024, v2021], 'v2021')).toEqual({ year: 2021, revised: false });
    expect(revisionOf([v2024, v2021], 'v2024')).toEqual({ year: 2024, revised: true });
  });

  it('falls back to the date, and gives nothing for one version or an unknown year', () => {
    const noAdopted = { ...v2024, adopted: undefined };
    expect(revisionOf([v2021, noAdopted], 'v2024')).toEqual({ year: 2024, revised: true });
    expect(revisionOf([v2024], 'v2024')).toBeUndefined();
    const undated: VersionFacts = { id: 'v?', title: '条例' };
    expect(revisionOf([v2021, undated], 'v?')).toBeUndefined();
  });
});

describe('citationDate', () => {
  const content = ['2019', '2022-06-23', undefined, '2024-05', '2022-10-31'];

  it('takes WENYUAN_CITE_DATE first, then SOURCE_DATE_EPOCH as a day in China (UTC+8)', () => {
    expect(citationDate({ WENYUAN_CITE_DATE: '2025-06-30', SOURCE_DATE_EPOCH: '0' }, content)).toEqual({ date: '2025-06-30', from: 'WENYUAN_CITE_DATE' });
    // 2025-06-30T16:30:00Z is already 1 July in Beijing.
    expect(citationDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2025, 5, 30, 16, 30) / 1000) }, content)).toEqual({ date: '2025-07-01', from: 'SOURCE_DATE_EPOCH' });
    expect(chinaDay(0)).toBe('1970-01-01');
  });

  it('else the newest complete date of the content, partial dates skipped; else none', () => {
    expect(citationDate({}, content)).toEqual({ date: '2022-10-31', from: 'content' });
    expect(citationDate({ WENYUAN_CITE_DATE: '', SOURCE_DATE_EPOCH: ' ' }, content)).toEqual({ date: '2022-10-31', from: 'content' });
    expect(citationDate({}, ['2019', undefined])).toEqual({ date: undefined, from: 'none' });
  });

  it('takes a document’s own dates: its date, a rule version’s adoption, the copy’s retrieval', () => {
    expect(documentCiteDates({ type: 'rule', date: '2024-09-27', adopted: '2024-09-27', source: { retrieved: '2025-01-02' } })).toEqual(['2024-09-27', '2024-09-27', '2025-01-02']);
    // Only rules have versions adopted; a month-only date gives no day of citation.
    expect(citationDate({}, documentCiteDates({ type: 'notice', date: '2019-10', adopted: '2030-01-01' }))).toEqual({ date: undefined, from: 'none' });
    expect(citationDate({}, documentCiteDates({ type: 'speech', date: '2019-10-29', source: { retrieved: '2022-10' } }))).toEqual({ date: '2019-10-29', from: 'content' });
  });

  it('refuses a variable that is not a date, naming it', () => {
    expect(() => citationDate({ WENYUAN_CITE_DATE: '2025-13-01' }, content)).toThrow(/WENYUAN_CITE_DATE="2025-13-01"/);
    expect(() => citationDate({ WENYUAN_CITE_DATE: '2025-6-1' }, content)).toThrow(/YYYY-MM-DD/);
    expect(() => citationDate({ SOURCE_DATE_EPOCH: 'yesterday' }, content)).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
