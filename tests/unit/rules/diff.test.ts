/**
 * Article-by-article comparison on a real pair of versions from the law
 * corpus: 北京市各级人民代表大会常务委员会规范性文件备案审查条例 of 2021 and 2024
 * (tests/fixtures/site/content/rules, made by scripts/generate-rule-fixtures.ts).
 * The full comparison is pinned in tests/fixtures/rule-diff/ (UPDATE_FIXTURES=1 rewrites it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareArticles, countChanges, diffArticles, diffText, markedText, similarity, type ArticleChange, type DiffArticle } from '../../../src/lib/rules/diff.ts';
import { articleHistory, consecutiveChanges } from '../../../src/lib/rules/history.ts';
import { segment } from '../../../src/lib/chinese-words.ts';
import { renderRule } from './render.ts';

const SITE = new URL('../../fixtures/site/content/rules/', import.meta.url);
const EXPECTED = new URL('../../fixtures/rule-diff/beian-shencha-2021-2024.txt', import.meta.url);

async function articlesOf(file: string): Promise<DiffArticle[]> {
  const { data, content } = matter(readFileSync(new URL(file, SITE), 'utf8'));
  return diffArticles((await renderRule(content, data)).structure);
}

function describeChange(c: ArticleChange): string {
  switch (c.kind) {
    case 'added': return `新增 ${c.new.label}`;
    case 'removed': return `删除 ${c.old.label}`;
    case 'unchanged': return `未改 ${c.new.label}`;
    case 'renumbered': return `移位 ${c.old.label} → ${c.new.label}`;
    case 'changed': return `修改 ${c.old.label}${c.renumbered ? ` → ${c.new.label}` : ''} (${c.similarity.toFixed(2)})\n    ${markedText(c.changes).replace(/\n/g, '\n    ')}`;
  }
}

describe('diff of two real versions', () => {
  let old: DiffArticle[];
  let current: DiffArticle[];
  let changes: ArticleChange[];

  beforeAll(async () => {
    old = await articlesOf('2021-11-26-beijingshi-geji-69d0.md');
    current = await articlesOf('2024-09-27-beijingshi-geji-69d0.md');
    changes = compareArticles(old, current, { tokenize: segment });
  });

  it('accounts for every article of both versions exactly once', () => {
    const olds = changes.flatMap((c) => ('old' in c ? [c.old.id] : []));
    const news = changes.flatMap((c) => ('new' in c ? [c.new.id] : []));
    expect(olds.sort()).toEqual(old.map((a) => a.id).sort());
    expect(news).toEqual(current.map((a) => a.id));
  });

  it('matches articles by content across renumbering: 2021 第八条 (区) is 2024 第九条', () => {
    const eighth = changes.find((c) => 'old' in c && c.old.label === '第八条');
    expect(eighth?.kind).toBe('changed');
    expect(eighth && 'new' in eighth && eighth.new.label).toBe('第九条');
    expect(eighth?.kind === 'changed' && eighth.renumbered).toBe(true);
  });

  it('highlights changes inside an article by words', () => {
    const first = changes.find((c) => c.kind === 'changed' && c.new.label === '第一条');
    expect(first?.kind === 'changed' && markedText(first.changes)).toContain('维护[-国家法制统一，保障公民、法人和其他组织的合法权益-]{+宪法、法律权威+}');
  });

  it('matches the pinned comparison', () => {
    const text = `${countChanges(changes) && JSON.stringify(countChanges(changes))}\n${changes.map(describeChange).join('\n')}\n`;
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(EXPECTED)) writeFileSync(EXPECTED, text);
    expect(text).toBe(readFileSync(EXPECTED, 'utf8'));
  });

  it('follows one article through the versions', () => {
    const versions = [{ id: '2021', articles: old }, { id: '2024', articles: current }];
    const history = articleHistory(versions, consecutiveChanges(versions, { tokenize: segment }), '2024', '第九条');
    expect(history.map((s) => [s.version, s.article?.label, s.change, s.previousLabel])).toEqual([
      ['2021', '第八条', undefined, undefined],
      ['2024', '第九条', 'changed', '第八条'],
    ]);
    const added = articleHistory(versions, consecutiveChanges(versions), '2024', '第二条');
    expect(added.map((s) => [s.version, s.article?.label, s.change])).toEqual([['2021', undefined, undefined], ['2024', '第二条', 'added']]);
  });
});

describe('comparison rules', () => {
  const a = (label: string, number: number, text: string): DiffArticle => ({ id: label, label, number, sub: 0, text });

  it('the same text under another number is renumbered; an inserted article is added', () => {
    const changes = compareArticles(
      [a('第一条', 1, '总则。'), a('第二条', 2, '会议每两个月举行一次。')],
      [a('第一条', 1, '总则。'), a('第二条', 2, '新增的条文，完全不同。'), a('第三条', 3, '会议每两个月举行一次。')],
    );
    expect(changes.map((c) => c.kind)).toEqual(['unchanged', 'added', 'renumbered']);
  });

  it('a removed article stays where it stood', () => {
    const changes = compareArticles(
      [a('第一条', 1, '甲甲甲甲。'), a('第二条', 2, '乙乙乙乙。'), a('第三条', 3, '丙丙丙丙。')],
      [a('第一条', 1, '甲甲甲甲。'), a('第二条', 2, '丙丙丙丙。')],
    );
    expect(changes.map((c) => c.kind)).toEqual(['unchanged', 'removed', 'renumbered']);
  });

  it('folds a one-character kept run into the change around it for reading', () => {
    expect(markedText(diffText('审议报告', '审查报告'))).toBe('审[-议-]{+查+}报告');
    expect(markedText(diffText('甲乙丙', '丁乙戊'))).toBe('[-甲乙丙-]{+丁乙戊+}');
    expect(similarity('会计帐簿', '会计账簿')).toBeGreaterThan(0.3);
  });
});
