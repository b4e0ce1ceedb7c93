import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largest, ownerOf, packageOf, summariseProfiles } from '../../../scripts/bench/cpu-profile.ts';

describe('ownerOf', () => {
  const root = '/work/project';
  it('names packages, scoped or not, by their innermost node_modules', () => {
    expect(packageOf('file:///work/project/node_modules/astro/dist/core/build.js')).toBe('astro');
    expect(packageOf('file:///x/node_modules/a/node_modules/@node-rs/jieba/index.js')).toBe('@node-rs/jieba');
    expect(packageOf('file:///work/project/src/lib/x.ts')).toBeUndefined();
  });
  it('tells our files, Node built-ins and V8 work apart', () => {
    expect(ownerOf('file:///work/project/src/lib/search/tokens.ts', 'tokenize', root)).toBe('src/lib/search/tokens.ts');
    expect(ownerOf('node:internal/fs/utils', 'x', root)).toBe('node:internal/fs/utils');
    expect(ownerOf('', '(garbage collector)', root)).toBe('(garbage collector)');
    expect(ownerOf('', 'JSONParse', root)).toBe('(native code)');
  });
});

describe('summariseProfiles', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wenyuan-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the function a real profiled program spends its time in', () => {
    const src = path.join(dir, 'src');
    mkdirSync(src);
    writeFileSync(
      path.join(src, 'busy.mjs'),
      [
        'function spin(ms) { const end = Date.now() + ms; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1); return x; }',
        'function rest() { return 1; }',
        'spin(400); rest();',
      ].join('\n'),
    );
    const profiles = path.join(dir, 'profiles');
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, path.join(src, 'busy.mjs')]);
    const summary = summariseProfiles(profiles, dir);
    expect(summary.threads).toBe(1);
    const [top] = largest(summary.ours, 1);
    expect(top?.[0]).toBe('src/busy.mjs:1 spin');
    // Most of the program's CPU is in spin (it busy-waits 400 ms), and it is counted once.
    expect(top![1]).toBeGreaterThan(0.5 * summary.busyMs);
    expect(top![1]).toBeLessThanOrEqual(summary.busyMs);
    // The file's total is the sum of its functions (spin, rest and the top-level code).
    const inFile = [...summary.ours].filter(([key]) => key.startsWith('src/busy.mjs:')).reduce((sum, [, ms]) => sum + ms, 0);
    expect(summary.byOwner.get('src/busy.mjs')).toBeCloseTo(inFile, 6);
  });
});
