import { describe, expect, it } from 'vitest';
import { findDateProblems } from '../../../src/lib/front-matter-dates.ts';

describe('findDateProblems', () => {
  it('catches a date YAML would silently roll over, naming the line', () => {
    const source = ['---', 'id: a', 'title: 标题', 'date: 2023-13-01', '---', '正文'].join('\n');
    expect(findDateProblems(source)).toEqual([
      { line: 4, field: 'date', message: expect.stringContaining('month 13') },
    ]);
  });

  it('reads quoted, nested and commented values, and accepts good ones', () => {
    const source = [
      '---',
      'date: "2019-10"',
      "effective: '2023-02-30'",
      'source:',
      '  retrieved: 2024-01-05 # when we copied it',
      '---',
      'date: 2023-99-99 is body text, not front matter',
    ].join('\n');
    expect(findDateProblems(source)).toEqual([
      { line: 3, field: 'effective', message: expect.stringContaining('01 to 28') },
    ]);
  });

  it('ignores files without front matter', () => {
    expect(findDateProblems('date: 2023-13-01')).toEqual([]);
  });
});
