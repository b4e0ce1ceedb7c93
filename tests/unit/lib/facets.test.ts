import { describe, expect, it } from 'vitest';
import { countBy, facetSegment, paginate } from '../../../src/lib/facets.ts';
import { createSlugger, headingSlug } from '../../../src/lib/heading-id.ts';

describe('paginate', () => {
  it('splits into pages of 50 and keeps one empty page for an empty list', () => {
    const pages = paginate(Array.from({ length: 101 }, (_, i) => i));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 1]);
    expect(paginate([])).toEqual([[]]);
  });

  it('a facet value with a slash still makes one path segment', () => {
    expect(facetSegment('中共海淀区委/海淀区政府')).toBe('中共海淀区委／海淀区政府');
    expect(facetSegment('北京市海淀区')).toBe('北京市海淀区');
  });

  it('counts most frequent first and skips missing keys', () => {
    expect(countBy(['a', 'b', 'a', undefined], (x) => x)).toEqual([['a', 2], ['b', 1]]);
  });
});

describe('heading ids', () => {
  it('keeps structural numbers as written and Chinese text readable', () => {
    expect(headingSlug('第一章　总则')).toBe('第一章');
    expect(headingSlug('第十二节 附则')).toBe('第十二节');
    expect(headingSlug('一、提高政治站位，深刻认识新时代')).toBe('一-提高政治站位-深刻认识新时代');
    expect(headingSlug('（二）Open Data')).toBe('二-open-data');
    expect(headingSlug('……')).toBe('section');
  });

  it('de-duplicates within a document', () => {
    const slug = createSlugger();
    expect([slug('a'), slug('a'), slug('a-2'), slug('a')]).toEqual(['a', 'a-2', 'a-2-2', 'a-3']);
  });
});
