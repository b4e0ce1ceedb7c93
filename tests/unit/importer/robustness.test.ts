/**
 * Awkward inputs each get a clear per-file result and the batch goes on; the
 * CLI's exit codes (0 all imported, 1 some failed, 2 bad arguments) are
 * checked by running it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/importer/run.ts';
import type { InputReport } from '../../../src/importer/report.ts';
import { accountingProblems } from './accounting-check.ts';
import { SEEDS } from './fixtures.ts';

const NODE = process.execPath;
const CLI = new URL('../../../src/importer/cli.ts', import.meta.url).pathname;

let dir = '';
const file = (name: string) => join(dir, 'inputs', name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wenyuan-robust-'));
  mkdirSync(join(dir, 'inputs'));
  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('binary.bin'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, ...Array.from({ length: 500 }, (_, i) => (i * 37) % 256)]));
  writeFileSync(file('no-body.html'), '<!DOCTYPE html><html><head><title></title></head><body></body></html>');
  writeFileSync(file('only-boilerplate.txt'), '当前位置：首页 > 新闻中心 > 正文\n【字体：大 中 小】【打印本页】【关闭窗口】\n浏览次数：88\n版权所有：某某网站 京ICP备12345678号\n');
  writeFileSync(file('政策 文件 副本 (1).txt'), '关于做好代表建议办理工作的通知\n各单位：\n现将有关事项通知如下。\n');
  // About 5 MB: seed 001's paragraphs repeated, with a title line.
  const seed = readFileSync(join(SEEDS, '001_8f98928480244f38.txt'), 'utf8').split('\n').slice(8).join('\n');
  let big = '大文件测试：代表工作汇编\n';
  while (Buffer.byteLength(big) < 5 * 1024 * 1024) big += seed;
  writeFileSync(file('big.txt'), big);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(names: string[]): Map<string, InputReport> {
  const reports = runImport(names.map(file), { overrides: {}, force: false, dryRun: true, today: '2026-01-01' }, { read: (p) => readFileSync(p), write: () => ({ written: true, file: '' }) });
  return new Map(reports.map((r) => [r.file.split('/').pop()!, r]));
}

describe('awkward inputs', () => {
  it('each gets a clear result and the batch goes on', () => {
    const reports = run(['empty.txt', 'binary.bin', 'no-body.html', 'only-boilerplate.txt', '政策 文件 副本 (1).txt', 'missing.txt']);
    expect(reports.get('empty.txt')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/empty\.txt: 空文件/) });
    expect(reports.get('binary.bin')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/binary\.bin: 二进制文件/) });
    expect(reports.get('no-body.html')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no-body\.html: no text content/) });
    expect(reports.get('only-boilerplate.txt')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/nothing left after removing 4 boilerplate line/) });
    expect(reports.get('missing.txt')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/missing\.txt: .*no such file/i) });
    const spaced = reports.get('政策 文件 副本 (1).txt')!;
    expect(spaced.status, spaced.reason).toBe('would-import');
    expect(spaced.id).toMatch(/^undated-guanyu-zuohao-daibiao-jianyi/);
    expect(spaced.metadata?.type).toMatchObject({ value: 'notice' });
  });

  it('imports a 5 MB file and accounts for all of it', () => {
    const report = run(['big.txt']).get('big.txt')!;
    expect(report.status, report.reason).toBe('would-import');
    expect(report.bytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(accountingProblems(report)).toEqual([]);
  });
});

describe('accounting can fail', () => {
  it('notices a ledger that lost a piece', async () => {
    const { ledgerMismatch } = await import('../../../src/importer/accounting.ts');
    const report = run(['政策 文件 副本 (1).txt']).get('政策 文件 副本 (1).txt')!;
    const trace = { ...report.trace!, pieces: report.trace!.pieces.slice(1) };
    expect(ledgerMismatch(trace)).toMatch(/ledger differs/);
  });
});

describe('CLI exit codes', () => {
  const cli = (...args: string[]) => spawnSync(NODE, [CLI, ...args], { encoding: 'utf8', cwd: dir });

  it('2 on bad arguments, before reading anything', () => {
    expect(cli().status).toBe(2);
    const badType = cli('--type', 'poem', file('empty.txt'));
    expect(badType.status).toBe(2);
    expect(badType.stderr).toMatch(/--type "poem" is unknown/);
    expect(cli('--date', '2023-13-01', file('empty.txt')).status).toBe(2);
    expect(cli('--no-such-option', file('empty.txt')).status).toBe(2);
  });

  it('0 when all are imported; 1 when a document exists (named) unless --force', () => {
    const out = join(dir, 'out-ok');
    const first = cli('--out', out, file('政策 文件 副本 (1).txt'));
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(readdirSync(join(out, 'undated'))).toHaveLength(1);
    const again = cli('--out', out, file('政策 文件 副本 (1).txt'));
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/already exists; use --force/);
    expect(cli('--out', out, '--force', file('政策 文件 副本 (1).txt')).status).toBe(0);
  });

  it('1 when some fail, and the others are still written; the report is JSON', () => {
    const out = join(dir, 'out-mixed');
    const reportFile = join(dir, 'report.json');
    const result = cli('--out', out, '--report', reportFile, join(dir, 'inputs'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/✗ .*empty\.txt: 空文件/);
    expect(existsSync(join(out, 'undated'))).toBe(true);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { inputs: InputReport[] };
    expect(report.inputs.map((r) => r.status).sort()).toEqual(['failed', 'failed', 'failed', 'failed', 'imported', 'imported']);
    expect(report.inputs.every((r) => r.trace === undefined)).toBe(true);
  });

  it('--dry-run writes nothing and prints the document', () => {
    const out = join(dir, 'out-dry');
    const result = cli('--out', out, '--dry-run', file('政策 文件 副本 (1).txt'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/would write .*undated-guanyu/);
    expect(result.stdout).toMatch(/title: 关于做好代表建议办理工作的通知/);
    expect(existsSync(out)).toBe(false);
  });
});
