import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRendered, readRenderedStart, writeRendered } from '../../../src/data/rendered-documents.ts';

describe('the start of a stored rendering', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'wenyuan-rendered-'));
  const previous = process.env.WENYUAN_CACHE_DIR;
  beforeAll(() => {
    process.env.WENYUAN_CACHE_DIR = cache;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WENYUAN_CACHE_DIR;
    else process.env.WENYUAN_CACHE_DIR = previous;
    rmSync(cache, { recursive: true, force: true });
  });
  const frontmatter = { note: 'a </p> in the front matter is not the body' };

  it('is the whole HTML when it fits, escapes and all', () => {
    const html = '<p>“引号” "quotes" \\ back\\slash\n𠀀 tab\t</p><p>二</p>';
    writeRendered('short', 'd1', { html, headings: [], frontmatter });
    expect(readRenderedStart('short', 'd1')).toEqual({ html, complete: true });
  });

  it('ends at the last whole paragraph within the bytes read, a prefix of the HTML', () => {
    const html = Array.from({ length: 400 }, (_, i) => `<p>第${i + 1}段："${'字'.repeat(30)}"。</p>`).join('\n');
    writeRendered('long', 'd2', { html, headings: [], frontmatter });
    const start = readRenderedStart('long', 'd2', 4096);
    expect(start.complete).toBe(false);
    expect(start.html.endsWith('</p>')).toBe(true);
    expect(html.startsWith(start.html)).toBe(true);
    expect(start.html.length).toBeGreaterThan(500);
    expect(readRendered('long', 'd2').html).toBe(html);
  });

  it('reads the whole file when the start has no paragraph end, and names a missing file', () => {
    const html = `<h2>${'标题'.repeat(3000)}</h2><p>正文</p>`;
    writeRendered('heading', 'd3', { html, headings: [], frontmatter });
    expect(readRenderedStart('heading', 'd3', 1024)).toEqual({ html, complete: true });
    expect(() => readRenderedStart('absent', 'd4')).toThrow(/absent.*missing from the build cache/);
  });
});
