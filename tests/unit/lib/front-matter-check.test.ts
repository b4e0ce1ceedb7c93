import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkFrontMatter, lineOfField } from '../../../src/lib/front-matter-check.ts';

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
    for (const where of ['bad-month.md:5: date', 'second.md:2: id', 'missing-title.md:1: title', 'status-on-speech.md:5: status', 'unknown-type.md:3: type']) {
      expect(run.stderr).toContain(where);
    }
  });
});
