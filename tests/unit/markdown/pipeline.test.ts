/**
 * The Markdown pipeline as the site runs it (Astro's unified processor with
 * our plugin lists), checked against committed HTML. Regenerate the expected
 * files after an intended change with UPDATE_FIXTURES=1 npm run test:unit.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { unifiedOptions } from '../../../src/markdown/index.ts';

const FIXTURES = new URL('../../fixtures/markdown/', import.meta.url);
const UPDATE = process.env.UPDATE_FIXTURES === '1';

async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const renderer = await unified(unifiedOptions).createRenderer(markdownConfigDefaults);
  return renderer.render(markdown, { frontmatter });
}

describe('Markdown pipeline fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it.each(cases)('%s', async (name) => {
    const dir = new URL(`${name}/`, FIXTURES);
    const input = readFileSync(new URL('input.md', dir), 'utf8');
    const fmFile = new URL('frontmatter.json', dir);
    const frontmatter = existsSync(fmFile) ? JSON.parse(readFileSync(fmFile, 'utf8')) : {};
    const { code } = await render(input, frontmatter);
    const expectedFile = new URL('expected.html', dir);
    if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, `${code}\n`);
    expect(`${code}\n`).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

describe('safety', () => {
  it('no script, iframe, event handler or javascript: URL survives', async () => {
    const { code } = await render(readFileSync(new URL('raw-html/input.md', FIXTURES), 'utf8'));
    expect(code).not.toMatch(/<script|<iframe|javascript:/i);
    // Event handlers may appear as visible text, never inside a tag.
    expect(code).not.toMatch(/<[^>]*\son\w+=/i);
    expect(code).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('javascript: links lose their href, https links keep theirs', async () => {
    const { code } = await render('[a](javascript:alert(1)) [b](https://example.org/)');
    expect(code).not.toContain('javascript:');
    expect(code).toContain('href="https://example.org/"');
  });
});

describe('heading ids and garbled spans', () => {
  it('chapter headings get their number as id; repeats are numbered', async () => {
    const { code, metadata } = await render(readFileSync(new URL('heading-ids/input.md', FIXTURES), 'utf8'));
    expect(metadata.headings.map((h) => h.slug)).toEqual([
      '第一章',
      '第一节',
      '一-提高政治站位-深刻认识重大意义',
      '一-加强学习',
      '一-加强学习-2',
      'section-b',
    ]);
    expect(code).toContain('<h2 id="第一章">');
  });

  it('marks each garbled span from the front matter and leaves the text unchanged', async () => {
    const input = readFileSync(new URL('garbled-spans/input.md', FIXTURES), 'utf8');
    const frontmatter = JSON.parse(readFileSync(new URL('garbled-spans/frontmatter.json', FIXTURES), 'utf8'));
    const { code } = await render(input, frontmatter);
    expect(code.match(/<mark class="garbled"/g)).toHaveLength(1);
    expect(code).toContain('data-pagefind-ignore');
    expect(code.replace(/<[^>]+>/g, '')).toContain('各方面?!耙桓晃瘍稍骸币袑嵲鰪?qiáng)由人大产生');
  });
});
