/**
 * Bad front matter must stop `astro build` with the file, the field and a
 * message a staff member can act on. Each case builds a tiny archive, and
 * `npm run check` (the pre-commit hook) must stop on the same archive with
 * the same problem: what the build stops on, the check reports.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BROKEN = 'tests/fixtures/schema/broken';
const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-broken-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildWith(name: string, files: string[]) {
  const contentDir = path.join(work, name, 'content');
  cpSync('tests/fixtures/schema/valid/full.md', path.join(contentDir, 'full.md'));
  for (const file of files) cpSync(path.join(BROKEN, file), path.join(contentDir, file), { recursive: true });
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: {
      ...process.env,
      WENYUAN_CONTENT_DIR: contentDir,
      WENYUAN_OUT_DIR: path.join(work, name, 'dist'),
      WENYUAN_CACHE_DIR: path.join(work, name, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, contentDir };
}

/** `npm run check` on a folder: its exit status and its error lines as [file, line, message without the field]. */
function checkFolder(contentDir: string) {
  const run = spawnSync(process.execPath, ['scripts/check-content.ts', contentDir], { encoding: 'utf8' });
  const errors = run.stderr
    .split('\n')
    .filter((line) => line.startsWith(contentDir) && !/: warning: /.test(line))
    .map((line) => {
      const [, file, at, rest] = /^(.+?):(\d+): (.*)$/.exec(line)!;
      return { file: file!, line: Number(at), message: rest!.replace(/^[a-z_.]+: /, '') };
    });
  return { status: run.status, errors, stderr: run.stderr };
}

describe('invalid front matter stops the build', () => {
  it.each([
    ['missing-title.md', 'missing-title.md', /title is missing/],
    ['bad-month.md', 'bad-month.md:5', /date: "2023-13-01" has month 13/],
    ['unknown-type.md', 'unknown-type.md', /type "memo" is unknown/],
    ['status-on-speech.md', 'status-on-speech.md', /status \(时效性\) applies only to/],
    // Files load in parallel, so either may be the one reported second; both are named.
    ['duplicate-id', 'already uses', /duplicate-id\/(a\/first|b\/second)\.md: .*"2023-same-id", which .*duplicate-id\/(b\/second|a\/first)\.md already uses/],
    // The body of an MDX document is code: a <script> stops the build at its line.
    ['script-in.mdx', 'script-in.mdx:10', /<script> is not allowed in archive documents/],
  ])('%s', (file, where, message) => {
    const { status, output, contentDir } = buildWith(file.replace(/\W/g, '-'), [file]);
    expect(status).not.toBe(0);
    expect(output).toContain(where);
    expect(output).toMatch(message);

    // npm run check stops too, on this file, with the build's message.
    const check = checkFolder(contentDir);
    expect(check.status, check.stderr).toBe(1);
    expect(check.errors.length, check.stderr).toBeGreaterThan(0);
    for (const error of check.errors) {
      expect(output).toContain(error.file);
      // Which of two documents with one id is named first depends on load order in the build.
      if (file !== 'duplicate-id') expect(output).toContain(error.message);
    }
    if (file === 'duplicate-id') expect(check.stderr).toMatch(/duplicate-id\/b\/second\.md:2: id: .*"2023-same-id", which .*duplicate-id\/a\/first\.md already uses/);
    else expect(check.stderr).toMatch(message);
  });

  it('a valid archive builds, and npm run check passes it', () => {
    const { status, output, contentDir } = buildWith('valid', []);
    expect(output).toContain('Complete!');
    expect(status).toBe(0);
    const check = checkFolder(contentDir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.errors).toEqual([]);
  });
});
