import { describe, expect, it } from 'vitest';
import { bundleSortValues, compareSortValues } from '../../../src/lib/search/sort-values.ts';

describe('sort values of a bundle', () => {
  it('orders partial dates as strings, a year before its months and days', () => {
    const values = bundleSortValues([['date:2021-06-16'], ['date:0000'], ['date:2021'], ['date:2021-06'], ['date:1999-12-31']]);
    expect(values).toEqual({ date: ['0000', '1999-12-31', '2021', '2021-06', '2021-06-16'] });
  });

  it('orders a key whose every value is a number as numbers, as Pagefind does, and keeps keys apart', () => {
    expect(bundleSortValues([['weight:10', 'date:2020'], ['weight:9'], ['weight:-1.5']])).toEqual({ date: ['2020'], weight: ['-1.5', '9', '10'] });
  });

  it('compares two values as numbers only when both are', () => {
    expect(compareSortValues('9', '10')).toBeLessThan(0);
    expect(compareSortValues('2021', '2021-06')).toBeLessThan(0);
    expect(compareSortValues('2021-06', '2021-06')).toBe(0);
  });

  it('takes one value per key and page, the last, with its white space collapsed, as Pagefind reads them', () => {
    expect(bundleSortValues([['date:2021', 'date: 2020 '], ['date:2022']])).toEqual({ date: ['2020', '2022'] });
  });
});
