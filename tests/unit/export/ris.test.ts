/** RIS export, read back with citation.js's RIS reader (@citation-js/plugin-ris), which follows the RIS specification's per-type tags. */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { risDate, toRis } from '../../../src/lib/export/ris.ts';
import { ARCHIVE, AWKWARD_TITLES, RULE, recordOf } from './documents.ts';

type Item = Record<string, unknown> & { title?: string; type?: string };

async function parsed(fields: Record<string, unknown>): Promise<Item> {
  const text = toRis(recordOf(fields));
  const cite = await Cite.async(text, { forceType: '@ris/file' });
  expect(cite.data).toHaveLength(1);
  return cite.data[0] as Item;
}

describe('RIS export', () => {
  it('writes tag lines with CRLF ends, closing with ER', () => {
    const text = toRis(recordOf(RULE));
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(lines[0]).toBe('TY  - LEGAL');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('reads back a rule as legislation with its body, number, date, addresses and access date', async () => {
    const item = await parsed(RULE);
    expect(item.type).toBe('legislation');
    expect(item.title).toBe(RULE.title);
    expect(item.author).toEqual([{ family: '青禾区人大常委会' }]);
    expect(item.number).toBe('青人常发〔2023〕4号');
    expect(item.publisher).toBe('青禾区人大常委会网站');
    expect(item.issued).toEqual({ 'date-parts': [[2023, 3, 1]] });
    expect(item.accessed).toEqual({ 'date-parts': [[2024, 5, 1]] });
    expect(item.URL).toEqual([RULE.source.url, `${ARCHIVE}${RULE.id}/`]);
    expect(item.language).toBe('zh-CN');
    expect(item.source).toBe('文渊');
    expect(item.genre).toBe('规则/办法/条例');
    expect(item.keyword).toBe('议事规则,人大工作');
  });

  it.each(AWKWARD_TITLES)('gives back the title %j on one line', async (title, expected) => {
    expect((await parsed({ ...RULE, title })).title).toBe(expected);
  });

  it('types each kind as the RIS specification and its readers know it', async () => {
    const base = { title: '测试', issuer: '测试机关', date: '2021-05' };
    expect((await parsed({ ...base, type: 'notice', doc_number: '测发〔2021〕1号' })).type).toBe('report');
    expect((await parsed({ ...base, type: 'notice', doc_number: '测发〔2021〕1号' })).number).toBe('测发〔2021〕1号');
    const speech = await parsed({ ...base, type: 'speech', speaker: '于军', doc_number: '讲〔2021〕2号' });
    expect([speech.type, speech.number, speech.author]).toEqual(['document', '讲〔2021〕2号', [{ family: '于军' }]]);
    expect(speech.issued).toEqual({ 'date-parts': [[2021, 5]] });
    expect((await parsed({ ...base, type: 'meeting-report' })).type).toBe('webpage');
    expect((await parsed({ ...base, type: 'article' })).type).toBe('document');
  });

  it('never writes a day or month the document lacks', async () => {
    expect(risDate({ year: 2019, month: 10, text: '2019-10' })).toBe('2019/10//');
    expect(risDate({ year: 2019, text: '2019' })).toBe('2019///');
    expect((await parsed({ ...RULE, date: '2019-10' })).issued).toEqual({ 'date-parts': [[2019, 10]] });
    expect((await parsed({ ...RULE, date: '2019' })).issued).toEqual({ 'date-parts': [[2019]] });
    const undated = await parsed({ type: 'speech', title: '在会议上的讲话' });
    expect(undated.issued).toBeUndefined();
    expect(undated.URL).toBe(`${ARCHIVE}test-doc/`);
  });
});
