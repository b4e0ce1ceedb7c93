/** `npm run new`: a new rule and the next version of a rule, both passing `npm run check`. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { newRuleDocument } from '../../../src/new/rule.ts';
import { reviseRule } from '../../../src/new/revision.ts';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { renderRule } from './render.ts';

const run = (args: string[]) => spawnSync(process.execPath, ['scripts/new.ts', ...args], { encoding: 'utf8' });
const check = (dir: string) => spawnSync(process.execPath, ['scripts/check-content.ts', dir], { encoding: 'utf8' });
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a new rule', () => {
  it('has valid front matter, a work, and the skeleton 第一章　总则 / 第一条', async () => {
    const doc = newRuleDocument('青禾区人民代表大会常务委员会议事规则', '2025-03-01');
    expect(doc.path).toBe(`2025/${doc.id}.md`);
    expect(doc.id).toMatch(/^2025-03-01-/);
    const { data, content } = matter(doc.source);
    expect(validateFrontMatter(data).ok).toBe(true);
    expect(data).toMatchObject({ type: 'rule', title: '青禾区人民代表大会常务委员会议事规则', status: '现行有效' });
    expect(typeof data.work).toBe('string');
    const { structure } = await renderRule(content, data);
    expect(structure.divisions.map((d) => d.id)).toEqual(['第一章']);
    expect(structure.articles.map((a) => a.id)).toEqual(['第一条']);
    expect(content).toContain('制定本规则。');
    expect(newRuleDocument('青禾区代表建议办理办法', '2025-03-01').source).toContain('制定本办法。');
  });

  it('npm run new -- rule writes it under content/<year>/ and it passes npm run check', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wenyuan-new-'));
    const made = run(['rule', '青禾区人民代表大会常务委员会议事规则', '--dir', dir, '--today', '2025-03-01']);
    expect(made.status, made.stderr).toBe(0);
    expect(readdirSync(path.join(dir, '2025'))).toHaveLength(1);
    expect(check(dir).status).toBe(0);
    expect(run(['rule', '青禾区人民代表大会常务委员会议事规则', '--dir', dir, '--today', '2025-03-01']).stderr).toContain('already exists');
    expect(run(['rule']).status).toBe(2);
    expect(run(['rule', '标题', '--date', '2025-13-01']).status).toBe(2);
  });
});

describe('a revision', () => {
  const current = readFileSync('tests/fixtures/site/content/rules/sample-rule.md', 'utf8');

  it('copies the rule with a new id, dates and status, and marks the current one 已修订', () => {
    const revision = reviseRule(current, { adopted: '2025-06-30', effective: '2025-07-01', today: '2025-08-01' });
    const next = matter(revision.next.source);
    const old = matter(revision.current);
    expect(next.data).toMatchObject({ type: 'rule', title: '测试区人民代表大会常务委员会议事规则', adopted: new Date('2025-06-30'), effective: new Date('2025-07-01'), status: '现行有效', work: revision.work });
    expect(next.data.id).toMatch(/^2025-06-30-/);
    expect(next.data.source).toBeUndefined();
    expect(next.data.doc_number).toBeUndefined();
    expect(next.content).toBe(matter(current).content);
    expect(old.data).toMatchObject({ status: '已修订', work: revision.work, id: '2023-03-01-test-yishi-guize' });
    // Nothing else of the current version changed.
    expect(revision.current.replace(/^status: .*$/m, '').replace(/^work: .*\n/m, '')).toBe(current.replace(/^status: .*$/m, ''));
  });

  it('leaves the current version in force until the new one takes effect', () => {
    const revision = reviseRule(current, { adopted: '2025-06-30', effective: '2026-01-01', today: '2025-08-01' });
    expect(matter(revision.next.source).data.status).toBe('尚未生效');
    expect(matter(revision.current).data.status).toBe('现行有效');
  });

  it('npm run new -- revision <id> writes both and they pass npm run check', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wenyuan-new-'));
    cpSync('tests/fixtures/site/content/rules/sample-rule.md', path.join(dir, 'rules/sample-rule.md'));
    const made = run(['revision', '2023-03-01-test-yishi-guize', '--adopted', '2025-06-30', '--dir', dir, '--today', '2025-08-01']);
    expect(made.status, made.stderr).toBe(0);
    const written = readdirSync(path.join(dir, '2025'));
    expect(written).toHaveLength(1);
    expect(matter(readFileSync(path.join(dir, 'rules/sample-rule.md'), 'utf8')).data.status).toBe('已修订');
    const checked = check(dir);
    expect(checked.status, checked.stderr).toBe(0);
    expect(run(['revision', 'no-such-id', '--dir', dir]).stderr).toContain('no document with id no-such-id');
  });
});
