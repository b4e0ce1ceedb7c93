/** BibTeX export, read back with the parser behind Better BibTeX's imports (@retorquere/bibtex-parser). */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { latexEscape, toBibtex } from '../../../src/lib/export/bibtex.ts';
import { ARCHIVE, AWKWARD_TITLES, RULE, recordOf } from './documents.ts';

function parsed(fields: Record<string, unknown>) {
  const library = parse(toBibtex(recordOf(fields)));
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

describe('BibTeX export', () => {
  it('writes a rule as @misc with its body as one author, number, dates and both addresses', () => {
    const entry = parsed(RULE);
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe(RULE.id);
    expect(entry.fields.author).toEqual([{ name: '青禾区人大常委会' }]);
    expect(entry.fields.title).toBe(RULE.title);
    expect(entry.fields.type).toBe('规则/办法/条例');
    expect(entry.fields.howpublished).toBe('青人常发〔2023〕4号');
    expect(entry.fields.organization).toEqual(['青禾区人大常委会网站']);
    expect(entry.fields.date).toBe('2023-03-01');
    expect(entry.fields.year).toBe('2023');
    expect(entry.fields.month).toBe('3');
    expect(entry.fields.url).toBe(RULE.source.url);
    expect(entry.fields.urldate).toBe('2024-05-01');
    expect(entry.fields.note).toContain(`${ARCHIVE}${RULE.id}/`);
    expect([...(entry.fields.keywords ?? [])].sort()).toEqual(['人大工作', '议事规则']);
    expect(entry.fields.langid).toBe('chinese');
    expect(entry.fields.language).toBe('zh-CN');
  });

  it.each(AWKWARD_TITLES)('gives back the title %j unchanged', (title, expected) => {
    expect(parsed({ ...RULE, title }).fields.title).toBe(expected);
  });

  it('keeps a body name with specials whole', () => {
    const entry = parsed({ ...RULE, issuer: 'A&B 委员会 and 测试{办}' });
    expect(entry.fields.author).toEqual([{ name: 'A&B 委员会 and 测试{办}' }]);
  });

  it('gives a date only as precise as the document, and none for an undated one', () => {
    const month = parsed({ ...RULE, date: '2019-10' });
    expect([month.fields.date, month.fields.year, month.fields.month]).toEqual(['2019-10', '2019', '10']);
    const year = parsed({ ...RULE, date: '2019' });
    expect([year.fields.date, year.fields.year, year.fields.month]).toEqual(['2019', '2019', undefined]);
    const undated = parsed({ type: 'speech', title: '在会议上的讲话', speaker: '于军' });
    expect(undated.fields.date).toBeUndefined();
    expect(undated.fields.year).toBeUndefined();
    expect(undated.fields.author).toEqual([{ name: '于军' }]);
  });

  it('cites the archive address, with no access date, when the source has no address', () => {
    const entry = parsed({ ...RULE, source: { name: '青禾区人大常委会网站', retrieved: '2024-05-01' } });
    expect(entry.fields.url).toBe(`${ARCHIVE}${RULE.id}/`);
    expect(entry.fields.urldate).toBeUndefined();
    expect(entry.fields.note).toBeUndefined();
  });

  it('escapes every TeX special', () => {
    expect(latexEscape('{a}%&#$_~^\\')).toBe('\\{a\\}\\%\\&\\#\\$\\_\\textasciitilde{}\\textasciicircum{}\\textbackslash{}');
  });
});
