/**
 * Two cold builds of the default content produce byte-identical sites: no
 * timestamps, random ids or iteration-order accidents in pages or index.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, fileHashes } from '../../src/lib/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function coldBuild(name: string): Map<string, string> {
  const outDir = path.join(work, name, 'dist');
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    env: { ...process.env, WENYUAN_OUT_DIR: outDir, WENYUAN_CACHE_DIR: path.join(work, name, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  return fileHashes(outDir);
}

describe('determinism', () => {
  it('two cold builds of content/ are byte-identical', () => {
    const first = coldBuild('first');
    const second = coldBuild('second');
    expect(first.size).toBeGreaterThan(20);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect(differingFiles(first, second)).toEqual([]);
  });
});
