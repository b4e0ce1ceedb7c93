import { describe, expect, it } from 'vitest';
import {
  compareDatesDescending,
  formatPartialDate,
  parsePartialDate,
  yearOf,
} from '../../../src/lib/partial-date.ts';

describe('parsePartialDate', () => {
  it('keeps the precision the source gives', () => {
    expect(parsePartialDate('2019')).toEqual({ year: 2019 });
    expect(parsePartialDate('2019-10')).toEqual({ year: 2019, month: 10 });
    expect(parsePartialDate('2019-10-29')).toEqual({ year: 2019, month: 10, day: 29 });
  });

  it('rejects impossible calendar dates with a reason', () => {
    expect(parsePartialDate('2023-13-01')).toEqual({ error: expect.stringContaining('month 13') });
    expect(parsePartialDate('2023-02-29')).toEqual({ error: expect.stringContaining('01 to 28') });
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('10月29日')).toHaveProperty('error');
    expect(parsePartialDate('2019-1-5')).toHaveProperty('error');
  });
});

describe('formatPartialDate', () => {
  it('shows a date as written, in Chinese, never inventing a day', () => {
    expect(formatPartialDate('2019-10')).toBe('2019年10月');
    expect(formatPartialDate('2019-10-09')).toBe('2019年10月9日');
    expect(formatPartialDate('2019')).toBe('2019年');
    expect(formatPartialDate(undefined)).toBe('日期不详');
  });
});

describe('compareDatesDescending', () => {
  it('sorts newest first, undated last, the less precise after the more precise', () => {
    const dates = [undefined, '2019', '2022-06-23', '2019-10', '2019-10-29', '2022'];
    expect([...dates].sort(compareDatesDescending)).toEqual([
      '2022-06-23',
      '2022',
      '2019-10-29',
      '2019-10',
      '2019',
      undefined,
    ]);
  });

  it('gives the year of a partial date', () => {
    expect(yearOf('2019-10')).toBe(2019);
    expect(yearOf(undefined)).toBeUndefined();
  });
});
