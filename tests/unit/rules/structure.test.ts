/**
 * The rule structure parser, through the site's Markdown pipeline, on fixture
 * folders tests/fixtures/rules/<case>/ (input.md → expected.json). Cases named
 * corpus-* are line ranges of the law corpus, made by
 * scripts/generate-rule-fixtures.ts. UPDATE_FIXTURES=1 rewrites expected.json.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleStructure } from '../../../src/lib/rules/structure.ts';
import { renderRule, summarise } from './render.ts';

const FIXTURES = new URL('../../fixtures/rules/', import.meta.url);
const UPDATE = process.env.UPDATE_FIXTURES === '1';

describe('rule structure fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('include the corpus cases', () => {
    expect(cases.filter((c) => c.startsWith('corpus-')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)('%s', async (name) => {
    const dir = new URL(`${name}/`, FIXTURES);
    const { structure } = await renderRule(readFileSync(new URL('input.md', dir), 'utf8'));
    const actual = `${JSON.stringify(summarise(structure), null, 2)}\n`;
    const expectedFile = new URL('expected.json', dir);
    if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

describe('recognising articles', () => {
  const articles = async (markdown: string) => (await renderRule(markdown)).structure.articles;

  it('reads numbers up to the thousands and 之一 articles', async () => {
    const found = await articles('第一千二百六十条　本法自2021年1月1日起施行。\n\n第一千二百六十条之一　补充。\n\n第一千二百六十条之二　再补充。');
    expect(found.map((a) => [a.label, a.number, a.sub])).toEqual([
      ['第一千二百六十条', 1260, 0],
      ['第一千二百六十条之一', 1260, 1],
      ['第一千二百六十条之二', 1260, 2],
    ]);
  });

  it('takes full-width, half-width or no space after the number, bold or plain', async () => {
    const found = await articles('第一条　全角空格。\n\n第二条 半角空格。\n\n**第三条**　加粗。\n\n第四条不空格。\n\n**第五条　整句加粗。**');
    expect(found.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条']);
    expect(found.map((a) => a.paragraphs[0]!.text)).toEqual(['全角空格。', '半角空格。', '加粗。', '不空格。', '整句加粗。']);
  });

  it('does not take a sentence that starts with a reference for a new article', async () => {
    const found = await articles('第一条　总则。\n\n第二条　事项。\n\n第一条规定的事项，另行规定。');
    expect(found.map((a) => a.label)).toEqual(['第一条', '第二条']);
    expect(found[1]!.paragraphs).toHaveLength(2);
  });

  it('splits articles written on consecutive lines of one paragraph', async () => {
    const found = await articles('第一条　甲。\n第二条　乙：\n（一）丙；\n（二）丁。\n第三条　戊。');
    expect(found.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条']);
    expect(found[1]!.paragraphs[0]!.items.map((i) => i.label)).toEqual(['（一）', '（二）']);
  });

  it('reads a division written as a paragraph and makes it a heading', async () => {
    const { structure, html } = await renderRule('第一章　总则\n\n第一条　甲。\n\n第二章　附则\n\n第二条　乙。');
    expect(structure.divisions.map((d) => d.id)).toEqual(['第一章', '第二章']);
    expect(html).toContain('<h2 id="第一章">第一章　总则</h2>');
  });

  it('ends the last article at an appendix or a heading', async () => {
    const found = await articles('第一条　甲。\n\n第二条　乙。\n\n附件：申请表\n\n姓名、单位。');
    expect(found[1]!.paragraphs).toHaveLength(1);
  });

  it('works on blocks alone, without Markdown', () => {
    const structure = parseRuleStructure([
      { kind: 'heading', depth: 2, text: '第一章　总则', line: 1 },
      { kind: 'paragraph', text: '第一条　甲。', line: 3 },
      { kind: 'paragraph', text: '第三条　丙。', line: 5 },
      { kind: 'paragraph', text: '第三条　重复。', line: 7 },
    ]);
    expect(structure.articles.map((a) => a.id)).toEqual(['第一条', '第三条', '第三条-2']);
    expect(structure.problems.map((p) => `${p.line} ${p.ruleId}`)).toEqual(['5 rule/numbering-gap', '7 rule/duplicate-article']);
  });
});
