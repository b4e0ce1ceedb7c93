import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { findDateProblems } from '../../../src/lib/front-matter-dates.ts';
import { createIdRegistry } from '../../../src/lib/document-id.ts';

const FIXTURES = new URL('../../fixtures/schema/', import.meta.url);

/** Reads a fixture the way the build does: Astro's front-matter parser, then our checks. */
function check(relative: string) {
  const source = readFileSync(new URL(relative, FIXTURES), 'utf8');
  const dates = findDateProblems(source).map((p) => ({ field: p.field, message: p.message }));
  const result = validateFrontMatter(parseFrontmatter(source).frontmatter);
  return { dates, result };
}

describe('valid front matter', () => {
  it.each(['valid/full.md', 'valid/year-only-speech.md'])('%s passes with defaults filled in', (file) => {
    const { dates, result } = check(file);
    expect(dates).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('keeps dates as the text written, whatever YAML made of them', () => {
    const full = check('valid/full.md').result;
    const year = check('valid/year-only-speech.md').result;
    expect(full.ok && full.data.date).toBe('2023-03-01');
    expect(full.ok && full.data.source?.retrieved).toBe('2024-05-01');
    expect(year.ok && year.data.date).toBe('2019');
    expect(year.ok && year.data.tags).toEqual([]);
  });
});

describe('broken front matter names the field and says what to do', () => {
  it('missing title', () => {
    const { result } = check('broken/missing-title.md');
    expect(result).toEqual({ ok: false, problems: [{ field: 'title', message: expect.stringMatching(/title is missing/) }] });
  });

  it('date 2023-13-01 is caught before YAML rolls it over to 2024', () => {
    const { dates, result } = check('broken/bad-month.md');
    expect(dates).toEqual([{ field: 'date', message: expect.stringContaining('month 13') }]);
    // What YAML alone would let through: proof the raw check is needed.
    expect(result.ok && result.data.date).toBe('2024-01-01');
  });

  it('unknown type lists the kinds', () => {
    const { result } = check('broken/unknown-type.md');
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'type', message: expect.stringMatching(/type "memo" is unknown: use one of meeting-report, speech, rule/) }],
    });
  });

  it('status on a speech', () => {
    const { result } = check('broken/status-on-speech.md');
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'status', message: expect.stringMatching(/applies only to rule, opinion, decision, notice/) }],
    });
  });

  it('a source address must be http or https, never javascript: or data:', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', 'data:text/html,x']) {
      const result = validateFrontMatter({ id: 'x', type: 'article', title: 't', source: { url } });
      expect(result).toEqual({ ok: false, problems: [{ field: 'source.url', message: expect.stringContaining('http://') }] });
    }
    expect(validateFrontMatter({ id: 'x', type: 'article', title: 't', source: { url: 'https://example.org/a' } }).ok).toBe(true);
  });

  it('a misspelt field is not silently dropped', () => {
    const result = validateFrontMatter({ id: 'x', type: 'article', title: 't', isuer: '某机关' });
    expect(result).toEqual({ ok: false, problems: [{ field: '', message: expect.stringContaining('unknown field isuer') }] });
  });
});

describe('document ids', () => {
  it('a second file with the same id stops with both paths', () => {
    const registry = createIdRegistry('tests/fixtures/schema/broken/duplicate-id');
    expect(registry.claim('a/first.md', '2023-same-id')).toBe('2023-same-id');
    expect(() => registry.claim('b/second.md', '2023-same-id')).toThrow(
      /b\/second\.md: .*"2023-same-id", which .*a\/first\.md already uses/,
    );
  });

  it('the same file may claim its id again (rebuilds in astro dev)', () => {
    const registry = createIdRegistry('content');
    registry.claim('x.md', 'abc');
    expect(registry.claim('x.md', 'abc')).toBe('abc');
  });

  it('a missing or malformed id names the file', () => {
    const registry = createIdRegistry('content');
    expect(() => registry.claim('2023/a.md', undefined)).toThrow(/content\/2023\/a\.md: front matter field "id" is missing/);
    expect(() => registry.claim('2023/a.md', '区委会议')).toThrow(/lowercase a–z/);
  });
});
