import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFrontMatter, lineOfField, lineOfListItem } from '../../../src/lib/front-matter-check.ts';

const SOURCE = ['---', 'id: x', 'type: speech', 'title: 讲话', 'status: 现行有效', 'source:', '  name: 某网站', '  url: not-a-url', '---', '正文'].join('\n');

describe('front matter diagnostics', () => {
  it('finds the line of top-level and nested fields', () => {
    expect(lineOfField(SOURCE, 'status')).toBe(5);
    expect(lineOfField(SOURCE, 'source.url')).toBe(8);
    expect(lineOfField(SOURCE, 'subtitle')).toBeUndefined();
  });

  it('reports every problem with file, line and field', () => {
    const data = { id: 'x', type: 'speech', title: '讲话', status: '现行有效', source: { name: '某网站', url: 'not-a-url' } };
    expect(checkFrontMatter('content/a.md', SOURCE, data)).toEqual([
      { file: 'content/a.md', line: 5, field: 'status', message: expect.stringContaining('applies only to') },
      { file: 'content/a.md', line: 8, field: 'source.url', message: expect.stringContaining('http://') },
    ]);
  });

  it('npm run check lists every broken fixture and exits 1', () => {
    const run = spawnSync(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/schema/broken'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    for (const where of ['bad-month.md:5: date', 'second.md:2: id', 'missing-title.md:1: title', 'status-on-speech.md:5: status', 'unknown-type.md:3: type', 'script-in.mdx:10: <script> is not allowed']) {
      expect(run.stderr).toContain(where);
    }
  });
});

const UNCERTAIN = [
  '---',
  'id: 2024-05-10-uncertain',
  'type: notice',
  'title: 关于印发测试区政务公开工作要点的通知',
  'quality:',
  '  flags:',
  '    - kind: garbled',
  '      note: 第1段含乱码',
  '    - kind: uncertain',
  '      field: title',
  '      note: 标题不确定：最可能是"关于印发测试区政务公开工作要点的通知"，另有候选"政策文件"',
  '      candidates: [政策文件, 通知公告]',
  '    - field: type',
  '      kind: uncertain',
  '      note: 类型由标题推断',
  '      candidates:',
  '        - article',
  'tags: [政务公开]',
  '---',
  '',
  '正文。',
  '',
].join('\n');

describe('uncertain quality flags in npm run check', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-check-uncertain-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the line of each item of a block list, not of inline lists or other keys', () => {
    expect(lineOfListItem(UNCERTAIN, 'quality.flags', 0)).toBe(7);
    expect(lineOfListItem(UNCERTAIN, 'quality.flags', 1)).toBe(9);
    expect(lineOfListItem(UNCERTAIN, 'quality.flags', 2)).toBe(13);
    expect(lineOfListItem(UNCERTAIN, 'quality.flags', 3)).toBeUndefined();
    expect(lineOfListItem(UNCERTAIN, 'tags', 0)).toBeUndefined();
    expect(lineOfListItem(['---', 'quality:', '  flags:', '  - kind: other', '    note: x', '  - kind: uncertain', '---'].join('\n'), 'quality.flags', 1)).toBe(6);
  });

  it('lists each uncertain flag as a warning with file, line, field and note, counts them, and passes', () => {
    const content = path.join(work, 'content');
    mkdirSync(path.join(content, '2024'), { recursive: true });
    const file = path.join(content, '2024', 'uncertain.md');
    writeFileSync(file, UNCERTAIN);
    const run = spawnSync(process.execPath, ['scripts/check-content.ts', content], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('(quality/uncertain)'));
    expect(warnings).toEqual([
      `${file}:9: title: warning: 需人工核对（标题）: 标题不确定：最可能是"关于印发测试区政务公开工作要点的通知"，另有候选"政策文件" [政策文件 | 通知公告] (quality/uncertain)`,
      `${file}:13: type: warning: 需人工核对（类型）: 类型由标题推断 [article] (quality/uncertain)`,
    ]);
    expect(run.stderr).toContain('2 warning(s) in 1 document(s): fields the importer guessed (需人工核对).');
    expect(run.stdout).toContain('1 documents checked: no problems.');
  });
});
