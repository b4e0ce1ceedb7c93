/**
 * WENYUAN_EDIT_URL in a real build: every document page links to its file in
 * the repository (a Chinese subfolder, URL-encoded), and a pattern without
 * {path} stops the build before any page. Pages built without it have no
 * link: tests/e2e/edit-link.test.ts checks the browser tests' build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CONTENT = 'tests/fixtures/edit-link/content';
const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-edit-link-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, editUrl: string) {
  const outDir = path.join(work, name, 'dist');
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: {
      ...process.env,
      WENYUAN_CONTENT_DIR: CONTENT,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: path.join(work, name, 'cache'),
      WENYUAN_EDIT_URL: editUrl,
      WENYUAN_SKIP_SEARCH_INDEX: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('编辑此页 with WENYUAN_EDIT_URL', () => {
  it('links the document page to its file path in the repository', () => {
    const { status, output, outDir } = build('with', 'https://github.com/org/archive/edit/main/{path}');
    expect(status, output).toBe(0);
    const html = readFileSync(path.join(outDir, 'documents', '2023-03-01-edit-link-example', 'index.html'), 'utf8');
    const encoded = ['tests', 'fixtures', 'edit-link', 'content', '北京', '议事规则.md'].map(encodeURIComponent).join('/');
    expect(html).toContain(`href="https://github.com/org/archive/edit/main/${encoded}"`);
    expect(html).toMatch(/<a [^>]*data-testid="edit-link"[^>]*>编辑此页<\/a>/);
  });

  it('without {path} stops the build with a message saying what to write', () => {
    const { status, output } = build('without-path', 'https://github.com/org/archive/edit/main/');
    expect(status).not.toBe(0);
    expect(output).toContain('WENYUAN_EDIT_URL "https://github.com/org/archive/edit/main/" has no {path}');
  });
});
