/**
 * Two cold builds of the default content produce byte-identical sites: no
 * timestamps, random ids or iteration-order accidents in pages or index.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function coldBuild(name: string): Map<string, string> {
  const outDir = path.join(work, name, 'dist');
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    env: { ...process.env, WENYUAN_OUT_DIR: outDir, WENYUAN_CACHE_DIR: path.join(work, name, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(outDir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

describe('determinism', () => {
  it('two cold builds of content/ are byte-identical', () => {
    const first = coldBuild('first');
    const second = coldBuild('second');
    expect(first.size).toBeGreaterThan(20);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});
