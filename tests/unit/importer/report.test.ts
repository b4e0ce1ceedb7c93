/** The readable report: the per-input line and the batch summary, with fields to check by hand (需人工核对). */
import { describe, expect, it } from 'vitest';
import { formatLine, formatSummary, type InputReport } from '../../../src/importer/report.ts';

const base = (file: string, extra: Partial<InputReport> = {}): InputReport => ({
  file,
  status: 'imported',
  bytes: 100,
  encoding: { name: 'utf-8', how: 'strict UTF-8' },
  output: `2024/${file.replace('.html', '.md')}`,
  metadata: { type: { value: 'notice', how: '标题末尾' }, date: { value: '2024-05-10', how: '发布日期行' } },
  removed: [{ text: '网站首页', rule: 'chrome/navigation', reason: '导航栏', line: 1 }],
  flags: [],
  ...extra,
});

const uncertain = base('a.html', {
  flags: [
    { kind: 'uncertain', field: 'title', note: '标题不确定', candidates: ['政策文件', '通知公告'] },
    { kind: 'uncertain', field: 'type', note: '类型由标题推断' },
    { kind: 'uncertain', field: 'title', note: '另有一个标题候选' },
    { kind: 'garbled', note: '乱码', line: 3 },
  ],
});
const clean = base('b.html');
const garbledOnly = base('c.html', { flags: [{ kind: 'garbled', note: '乱码' }] });
const failed: InputReport = { file: 'd.html', status: 'failed', reason: 'd.html: empty file', bytes: 0, removed: [], flags: [] };

describe('import report', () => {
  it('names the uncertain fields on the input line, each once', () => {
    expect(formatLine(uncertain)).toBe(
      '✓ a.html → 2024/a.md (utf-8; notice; 2024-05-10; 删除1处; 标记 uncertain×3 garbled×1; 需人工核对：标题(title)、类型(type))',
    );
    expect(formatLine(clean)).toBe('✓ b.html → 2024/b.md (utf-8; notice; 2024-05-10; 删除1处; 无标记)');
    expect(formatLine(garbledOnly)).not.toContain('需人工核对');
  });

  it('counts the documents with an uncertain flag as 需人工核对, aligned with the other rows', () => {
    expect(formatSummary([uncertain, clean, garbledOnly, failed]).split('\n')).toEqual([
      '  inputs                      4',
      '  imported                    3',
      '  failed                      1',
      '  skipped (list pages)        0',
      '  imported with no flag       1',
      // 需人工核对 is ten terminal columns wide: the value lines up with the others.
      '  需人工核对 (documents)      1',
      '  flag uncertain              3',
      '  flag garbled                2',
      '  removed: chrome/navigation  3',
    ]);
    expect(formatSummary([clean]).split('\n')).toContain('  需人工核对 (documents)      0');
  });
});
