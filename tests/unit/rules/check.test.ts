/** `npm run check` on rules: structure warnings with file and line, version and duplicate errors that fail the check. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function check(folder: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts', folder], { encoding: 'utf8' });
}

describe('npm run check on rules', () => {
  it('lists gaps and references that link nowhere as warnings, with file and line, and passes', () => {
    const run = check('tests/fixtures/rule-check/warnings');
    expect(run.status).toBe(0);
    const file = 'tests/fixtures/rule-check/warnings/gaps-and-references.md';
    expect(run.stderr).toContain(`${file}:15: 第二条: warning: 本办法第二条第三款: 第二条 has 2 款, so 第三款 does not exist (rule/paragraph-reference)`);
    expect(run.stderr).toContain(`${file}:15: 第二条: warning: 第九十条: there is no 第九十条 in the document (rule/unresolved-reference)`);
    expect(run.stderr).toContain(`${file}:17: 第四条: warning: 第四条 follows 第二条: 第三条 is missing`);
    expect(run.stderr).toContain(`${file}:17: 第四条: warning: 前款: it stands in the first 款 of 第四条`);
  });

  it('fails on a duplicate article number and on two versions of one work both in force', () => {
    const run = check('tests/fixtures/rule-check/errors');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/rule-check/errors/duplicate.md:15: 第二条: 第二条 appears twice (first at line 13)');
    expect(run.stderr).toContain('tests/fixtures/rule-check/errors/older-version.md:8: status: work test-yishi-guize has 2 versions marked 现行有效');
  });

  it('passes the real two-version fixture', () => {
    const run = check('tests/fixtures/site/content/rules');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('(rule/');
  });
});
