/**
 * Bad front matter must stop `astro build` with the file, the field and a
 * message a staff member can act on. Each case builds a tiny archive.
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
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('invalid front matter stops the build', () => {
  it.each([
    ['missing-title.md', 'missing-title.md', /title is missing/],
    ['bad-month.md', 'bad-month.md:5', /date: "2023-13-01" has month 13/],
    ['unknown-type.md', 'unknown-type.md', /type "memo" is unknown/],
    ['status-on-speech.md', 'status-on-speech.md', /status \(时效性\) applies only to/],
    // Files load in parallel, so either may be the one reported second; both are named.
    ['duplicate-id', 'already uses', /duplicate-id\/(a\/first|b\/second)\.md: .*"2023-same-id", which .*duplicate-id\/(b\/second|a\/first)\.md already uses/],
  ])('%s', (file, where, message) => {
    const { status, output } = buildWith(file.replace(/\W/g, '-'), [file]);
    expect(status).not.toBe(0);
    expect(output).toContain(where);
    expect(output).toMatch(message);
  });

  it('a valid archive builds', () => {
    const { status, output } = buildWith('valid', []);
    expect(output).toContain('Complete!');
    expect(status).toBe(0);
  });
});
