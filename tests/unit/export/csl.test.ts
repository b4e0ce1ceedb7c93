/**
 * CSL-JSON export: valid JSON, and rendered by citeproc-js (the processor in
 * Zotero and Mendeley) with a CSL style and locale
 * (tests/fixtures/export/wenyuan-test.csl, locales-zh-CN.xml).
 */
import { readFileSync } from 'node:fs';
import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';
import { cslDate, toCslJson, type CslItem } from '../../../src/lib/export/csl.ts';
import { ARCHIVE, AWKWARD_TITLES, RULE, recordOf } from './documents.ts';

const STYLE = readFileSync('tests/fixtures/export/wenyuan-test.csl', 'utf8');
const LOCALE = readFileSync('tests/fixtures/export/locales-zh-CN.xml', 'utf8');

function items(fields: Record<string, unknown>): CslItem[] {
  const parsed: unknown = JSON.parse(toCslJson(recordOf(fields)));
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as CslItem[];
}

/** The bibliography entry citeproc makes of the file, as plain text. */
function rendered(fields: Record<string, unknown>): string {
  const [item] = items(fields);
  const requested: string[] = [];
  const engine = new CSL.Engine(
    {
      retrieveLocale: (lang: string) => {
        requested.push(lang);
        return lang === 'zh-CN' ? LOCALE : false;
      },
      retrieveItem: (id: string) => (id === item!.id ? item : undefined),
    },
    STYLE,
    'zh-CN',
  );
  engine.setOutputFormat('text');
  engine.updateItems([item!.id]);
  const [meta, entries] = engine.makeBibliography();
  expect(meta.bibliography_errors).toEqual([]);
  expect(requested).toContain('zh-CN');
  expect(entries).toHaveLength(1);
  return entries[0]!.trim();
}

describe('CSL-JSON export', () => {
  it('is an array of one item with the document’s fields', () => {
    const [item] = items(RULE);
    expect(item).toEqual({
      id: RULE.id,
      type: 'legislation',
      title: RULE.title,
      author: [{ literal: '青禾区人大常委会' }],
      issued: { 'date-parts': [[2023, 3, 1]] },
      number: '青人常发〔2023〕4号',
      genre: '规则/办法/条例',
      publisher: '青禾区人大常委会网站',
      URL: RULE.source.url,
      accessed: { 'date-parts': [[2024, 5, 1]] },
      language: 'zh-CN',
      archive: '文渊',
      archive_location: `${ARCHIVE}${RULE.id}/`,
      keyword: '议事规则, 人大工作',
    });
  });

  it('renders with citeproc', () => {
    expect(rendered(RULE)).toBe(
      `青禾区人大常委会. 青禾区人民代表大会常务委员会议事规则[规则/办法/条例]. 青人常发〔2023〕4号. 青禾区人大常委会网站, 2023-03-01 [2024-05-01]. ${RULE.source.url}. 文渊: ${ARCHIVE}${RULE.id}/.`,
    );
  });

  it('renders a month-only, a year-only and an undated document without inventing a day or a year', () => {
    expect(rendered({ ...RULE, date: '2019-10' })).toContain('网站, 2019-10 [2024-05-01].');
    expect(rendered({ ...RULE, date: '2019' })).toContain('网站, 2019 [2024-05-01].');
    const undated = rendered({ type: 'speech', title: '在区委人大工作会议上的讲话', speaker: '于军', meeting: '区委第五次人大工作会议' });
    expect(undated).toBe(`于军. 在区委人大工作会议上的讲话[讲话]. 区委第五次人大工作会议. ${ARCHIVE}test-doc/. 文渊: ${ARCHIVE}test-doc/.`);
    expect(cslDate({ year: 2019, month: 10, text: '2019-10' })).toEqual({ 'date-parts': [[2019, 10]] });
  });

  it.each(AWKWARD_TITLES)('gives back the title %j, in the JSON and rendered', (title, expected) => {
    expect(items({ ...RULE, title })[0]!.title).toBe(expected);
    // citeproc sets a straight apostrophe as ’, as typesetting does; the data keeps it straight.
    expect(rendered({ ...RULE, title })).toContain(`. ${expected.replaceAll("'", '’')}[规则/办法/条例]. `);
  });

  it('names a web page’s site as its container', () => {
    const [item] = items({ type: 'meeting-report', title: '区委召开会议', source: { name: '海淀区人民政府网站' } });
    expect(item!.type).toBe('webpage');
    expect(item!['container-title']).toBe('海淀区人民政府网站');
    expect(item!.publisher).toBeUndefined();
  });
});
