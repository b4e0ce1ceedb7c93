/**
 * A build for a host, with the settings the CI workflows pass: with
 * WENYUAN_EDIT_URL every document page links to its file in the repository
 * (a Chinese subfolder, URL-encoded), and a pattern without {path} stops the
 * build before any page; with WENYUAN_CSP_META=1 every page carries the
 * Content-Security-Policy as its first element after the charset. Pages built
 * without them (the browser tests' build) have neither:
 * tests/e2e/edit-link.test.ts; tests/e2e/hosted-build.test.ts runs such a
 * build in Chromium with the CSP header taken away.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/content-security-policy.ts';

const CONTENT = 'tests/fixtures/edit-link/content';
const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-edit-link-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, editUrl: string, extra: Record<string, string> = {}) {
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
      ...extra,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('a build with WENYUAN_EDIT_URL and WENYUAN_CSP_META', () => {
  it('links the document page to its file path in the repository', () => {
    const { status, output, outDir } = build('with', 'https://github.com/org/archive/edit/main/{path}', { WENYUAN_CSP_META: '1' });
    expect(status, output).toBe(0);
    const html = readFileSync(path.join(outDir, 'documents', '2023-03-01-edit-link-example', 'index.html'), 'utf8');
    const encoded = ['tests', 'fixtures', 'edit-link', 'content', '北京', '议事规则.md'].map(encodeURIComponent).join('/');
    expect(html).toContain(`href="https://github.com/org/archive/edit/main/${encoded}"`);
    expect(html).toMatch(/<a [^>]*data-testid="edit-link"[^>]*>编辑此页<\/a>/);
  });

  it('with WENYUAN_CSP_META=1, puts the policy without frame-ancestors first in every page', () => {
    const outDir = path.join(work, 'with', 'dist');
    for (const page of ['index.html', path.join('documents', '2023-03-01-edit-link-example', 'index.html'), path.join('search', 'index.html')]) {
      const html = readFileSync(path.join(outDir, page), 'utf8');
      const head = /<head>(<meta charset="utf-8"\s*\/?>)<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      expect(head, `${page}: the policy right after the charset`).not.toBeNull();
      const policy = head![2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&');
      expect(policy).toBe(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, ''));
    }
  });

  it('without {path} stops the build with a message saying what to write', () => {
    const { status, output } = build('without-path', 'https://github.com/org/archive/edit/main/');
    expect(status).not.toBe(0);
    expect(output).toContain('WENYUAN_EDIT_URL "https://github.com/org/archive/edit/main/" has no {path}');
  });
});
