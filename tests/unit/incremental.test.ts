/**
 * A rebuild after a change, reusing the previous build's cache, re-renders
 * only the documents whose text or links changed, and its output is
 * byte-identical to a cold build of the changed content — including a page
 * whose own file did not change but whose link target did.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, fileHashes } from '../../src/lib/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contentDir = path.join(work, 'content');
cpSync('content', contentDir, { recursive: true });
cpSync('tests/fixtures/site/content', path.join(contentDir, 'fixtures'), { recursive: true });

/** Builds `contentDir` into `name/dist` with the cache `cache`; returns file hashes and the ids rendered. */
function build(name: string, cache: string): { files: Map<string, string>; rendered: string[] } {
  const outDir = path.join(work, name, 'dist');
  const renderLog = path.join(work, name, 'rendered.txt');
  mkdirSync(path.join(work, name), { recursive: true });
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    env: {
      ...process.env,
      WENYUAN_CONTENT_DIR: contentDir,
      WENYUAN_OUT_DIR: outDir,
      WENYUAN_CACHE_DIR: path.join(work, cache),
      WENYUAN_RENDER_LOG: renderLog,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const files = fileHashes(outDir);
  const rendered = existsSync(renderLog) ? readFileSync(renderLog, 'utf8').split('\n').filter(Boolean).sort() : [];
  return { files, rendered };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('incremental rebuild', () => {
  // Three builds, each also bundling the staff editor (/admin/, about 7 s): more than the default 120 s when the whole suite shares two cores.
  it('re-renders what changed, and only that, and matches a cold build', () => {
    const before = build('before', 'cache');
    expect(before.rendered.length).toBeGreaterThan(8);

    // One body edited; one title changed, so the document citing it by that title must change too.
    edit(
      path.join(contentDir, '2022/2022-06-23-shenru-xuexi-guanche.md'),
      '\n\n',
      '\n\n本段为增量构建测试新增的内容。\n\n',
    );
    edit(path.join(contentDir, 'fixtures/rules/sample-rule.md'), 'title: 测试区人民代表大会常务委员会议事规则', 'title: 测试区人民代表大会常务委员会工作规则');

    const after = build('after', 'cache');
    const cold = build('cold', 'cold-cache');

    expect(after.rendered).toEqual(['2022-06-23-shenru-xuexi-guanche', '2023-03-01-test-yishi-guize', '2023-06-01-test-cites-rule']);
    expect(after.files.size).toBeGreaterThan(20);
    expect(differingFiles(after.files, cold.files)).toEqual([]);
    // The citing page's own file did not change, but its page did.
    const citing = 'documents/2023-06-01-test-cites-rule/index.html';
    expect(after.files.get(citing)).not.toBe(before.files.get(citing));
  }, 300_000);
});
