/**
 * The rule parser over every document of the corpus subset
 * (../shared/corpus/laws-subset.tar.gz, 442 documents, extracted to a temp
 * folder), read as the site reads a rule. Reports how many parse with
 * continuous numbering and no duplicates, and lists the anomalies: repeated
 * tables of contents, numbering gaps that are in the source, parts of a code
 * that start past 第一条, documents with no articles. The figures are printed
 * and written to <tmp>/rule-structure-figures.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleStructure } from '../../../src/lib/rules/structure.ts';
import { compareArticles, countChanges, diffArticles, markedText } from '../../../src/lib/rules/diff.ts';
import { segment } from '../../../src/lib/chinese-words.ts';
import { renderRule } from './render.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/laws-subset.tar.gz', import.meta.url));
const NUMBERING = new Set(['rule/duplicate-article', 'rule/numbering-gap', 'rule/out-of-order']);

let dir = '';
const parsed: Array<{ file: string; structure: RuleStructure }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wenyuan-rule-corpus-'));
  execFileSync('tar', ['xzf', CORPUS, '-C', dir]);
  const root = join(dir, 'laws-subset');
  const files = readFileSync(join(root, 'SUBSET_MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!);
  for (const file of files) {
    const { structure } = await renderRule(readFileSync(join(root, file), 'utf8'));
    parsed.push({ file, structure });
  }
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('rule parser on the corpus subset (442 documents)', () => {
  const problemsOf = (s: RuleStructure, ids: Set<string> | string) => s.problems.filter((p) => (typeof ids === 'string' ? p.ruleId === ids : ids.has(p.ruleId)));
  const list = (ruleId: string) =>
    parsed.flatMap(({ file, structure }) => problemsOf(structure, ruleId).map((p) => `${file}:${p.line}: ${p.label}: ${p.message}`));

  it('reads every document and records the figures', () => {
    const withArticles = parsed.filter((p) => p.structure.articles.length > 0);
    const clean = withArticles.filter((p) => problemsOf(p.structure, NUMBERING).length === 0);
    const figures = {
      documents: parsed.length,
      withArticles: withArticles.length,
      articles: withArticles.reduce((n, p) => n + p.structure.articles.length, 0),
      continuousNoDuplicates: clean.length,
      duplicates: list('rule/duplicate-article'),
      gaps: list('rule/numbering-gap'),
      outOfOrder: list('rule/out-of-order'),
      tablesOfContents: parsed.filter((p) => p.structure.tocBlocks.length > 0).map((p) => `${p.file} (${p.structure.tocBlocks.length} lines)`),
      startPastFirstArticle: list('rule/first-article'),
      noArticles: parsed.filter((p) => p.structure.articles.length === 0).map((p) => p.file),
      referencesLinkingNowhere: parsed.reduce((n, p) => n + problemsOf(p.structure, new Set(['rule/unresolved-reference', 'rule/paragraph-reference', 'rule/ambiguous-reference'])).length, 0),
    };
    writeFileSync(join(tmpdir(), 'rule-structure-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
    expect(figures.documents).toBe(442);
    expect(figures.withArticles).toBe(411);
    expect(figures.continuousNoDuplicates).toBe(407);
    expect(figures.duplicates).toEqual([]);
  });

  it('finds the repeated tables of contents and gives their lines no anchors', () => {
    const files = parsed.filter((p) => p.structure.tocBlocks.length > 0).map((p) => p.file.split('/').pop());
    expect(files).toHaveLength(8);
    expect(files).toContain('北京市献血条例(2021-11-26).md');
    // One of them lists all chapters on a single heading line.
    expect(files).toContain('重庆市各级人民代表大会常务委员会人事任免工作条例(2022-06-10).md');
    for (const { structure } of parsed) {
      const ids = structure.divisions.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('lists the numbering gaps, all of them in the sources', () => {
    expect(list('rule/numbering-gap').map((g) => g.replace(/ If the source.*$/, ''))).toEqual([
      'DLC/北京地方法规/地方性法规/北京/北京市人民代表大会议事规则(2022-01-10).md:91: 第十七条: 第十七条 follows 第十五条: 第十六条 is missing.',
      'DLC/河南地方法规/地方性法规/河南/河南省历史文化名城保护条例(2010-07-30).md:51: 第十五条: 第十五条 follows 第十三条: 第十四条 is missing.',
      '司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md:757: 第一百二十五条: 第一百二十五条 follows 第一百二十三条: 第一百二十四条 is missing.',
      '司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md:1463: 第二百七十二条: 第二百七十二条 follows 第二百七十条: 第二百七十一条 is missing.',
      '司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md:1995: 第三百七十三条: 第三百七十三条 follows 第三百七十一条: 第三百七十二条 is missing.',
      '司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md:2201: 第四百一十五条: 第四百一十五条 follows 第四百一十三条: 第四百一十四条 is missing.',
      '宪法/宪法修正案（2018年）.md:53: 第一百二十三条: 第一百二十三条 follows 第五十二条: 第五十三条 to 第一百二十二条 are missing.',
    ]);
  });

  it('reads the parts of the civil code, which start past 第一条, as continuous', () => {
    const parts = parsed.filter((p) => p.file.startsWith('民法典/') && p.structure.articles.length > 0);
    expect(parts.length).toBeGreaterThanOrEqual(7);
    for (const part of parts) expect(problemsOf(part.structure, NUMBERING), part.file).toEqual([]);
    const marriage = parsed.find((p) => p.file === '民法典/婚姻家庭编.md')!.structure;
    expect(marriage.articles[0]!.label).toBe('第一千零四十条');
    expect(marriage.articles.at(-1)!.label).toBe('第一千一百一十八条');
  });

  it('compares real versions from the corpus article by article', () => {
    const of = (file: string) => diffArticles(parsed.find((p) => p.file === file)!.structure);
    const accounting = compareArticles(of('经济法/会计法(2017-11-04).md'), of('经济法/会计法(2024-06-28).md'), { tokenize: segment });
    expect(countChanges(accounting)).toEqual({ unchanged: 9, renumbered: 6, changed: 34, added: 2, removed: 3 });
    const moved = accounting.filter((c) => c.kind === 'renumbered').map((c) => `${c.old.label}→${c.new.label}`);
    expect(moved).toContain('第二十八条→第二十六条');
    const third = accounting.find((c) => c.kind === 'changed' && c.new.label === '第三条');
    expect(third?.kind === 'changed' && markedText(third.changes)).toBe('各单位必须依法设置会计[-帐簿-]{+账簿+}，并保证其真实、完整。');
    const lawmaking = compareArticles(
      of('DLC/北京地方法规/地方性法规/北京/北京市制定地方性法规条例(2017-01-20).md'),
      of('DLC/北京地方法规/地方性法规/北京/北京市制定地方性法规条例(2023-07-28).md'),
      { tokenize: segment },
    );
    expect(countChanges(lawmaking)).toEqual({ unchanged: 2, renumbered: 23, changed: 37, added: 14, removed: 4 });
  });
});
