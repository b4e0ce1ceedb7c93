import { describe, expect, it } from 'vitest';
import {
  parseSearchState,
  serializeSearchState,
  toggleFilter,
  toPagefindFilters,
  toPagefindSort,
} from '../../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it('reads the example URL of the issue', () => {
    const state = parseSearchState('?q=人大代表&type=rule&region=北京市海淀区');
    expect(state).toEqual({ q: '人大代表', filters: { type: ['rule'], region: ['北京市海淀区'] }, sort: 'relevance' });
  });

  it('round-trips through serialize and parse', () => {
    const state = { q: '全过程人民民主', filters: { type: ['rule', 'speech'], year: ['2022'] }, sort: 'date-desc' as const };
    expect(parseSearchState(serializeSearchState(state))).toEqual(state);
  });

  it('ignores unknown parameters and sorts, and drops empty values', () => {
    expect(parseSearchState('?q=%20x%20&foo=1&sort=random&type=')).toEqual({ q: 'x', filters: {}, sort: 'relevance' });
    expect(serializeSearchState({ q: '', filters: {}, sort: 'relevance' })).toBe('');
  });

  it('toggles filters without mutating the old state', () => {
    const before = parseSearchState('?type=rule');
    const after = toggleFilter(before, 'type', 'speech', true);
    expect(after.filters.type).toEqual(['rule', 'speech']);
    expect(before.filters.type).toEqual(['rule']);
    expect(toggleFilter(before, 'type', 'rule', false).filters).toEqual({});
  });

  it('maps to Pagefind: OR within a facet, sort by date', () => {
    expect(toPagefindFilters(parseSearchState('?type=rule&type=speech&year=2022'))).toEqual({
      type: { any: ['rule', 'speech'] },
      year: { any: ['2022'] },
    });
    expect(toPagefindSort('date-asc')).toEqual({ date: 'asc' });
    expect(toPagefindSort('relevance')).toBeUndefined();
  });
});
