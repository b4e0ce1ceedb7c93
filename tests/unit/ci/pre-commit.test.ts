/**
 * The pre-commit hook (.githooks/pre-commit, turned on by `npm run
 * hooks:install`): in a scratch git repository that borrows this project's
 * code, a commit with a document the build would stop on is refused with the
 * check's message, and the documents checked are the staged ones. That the
 * check reports what the build stops on is tests/unit/content-build.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const HOOK = '.githooks/pre-commit';
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

const GOOD = ['---', 'id: 2023-05-01-hook-notice', 'type: notice', 'title: 关于测试预提交检查的通知', 'date: 2023-05-01', '---', '', '正文。', ''].join('\n');
const BAD = GOOD.replace('date: 2023-05-01', 'date: 2023-13-01');

describe('the pre-commit hook', () => {
  it('is committed, executable, and hooks:install points git at its folder', () => {
    expect((statSync(HOOK).mode & 0o111) !== 0, `${HOOK} must be executable`).toBe(true);
    expect(readFileSync(HOOK, 'utf8')).toMatch(/npm run --silent check/);
    expect(scripts['hooks:install']).toMatch(new RegExp(`git config core\\.hooksPath ${path.dirname(HOOK).replace('.', '\\.')}\\b`));
  });

  describe('in a repository with it turned on', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'wenyuan-hook-'));
    afterAll(() => rmSync(repo, { recursive: true, force: true }));
    // No GIT_* from an outer git process may point these commands elsewhere.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_') && key !== 'WENYUAN_CONTENT_DIR'));
    const run = (command: string, ...args: string[]) => spawnSync(command, args, { cwd: repo, env, encoding: 'utf8' });
    const git = (...args: string[]) => run('git', ...args);
    const commit = (message: string) => {
      const result = git('commit', '--allow-empty', '-m', message);
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    };

    // The project's code, borrowed; only the hook folder and content/ are the scratch repository's own.
    for (const name of ['package.json', 'node_modules', 'scripts', 'src', 'tsconfig.json']) symlinkSync(path.resolve(name), path.join(repo, name));
    mkdirSync(path.join(repo, '.githooks'));
    writeFileSync(path.join(repo, HOOK), readFileSync(HOOK), { mode: 0o755 });
    mkdirSync(path.join(repo, 'content', '2023'), { recursive: true });
    const doc = path.join(repo, 'content', '2023', 'hook-notice.md');

    it('turns on with npm run hooks:install', () => {
      expect(git('init', '-q').status).toBe(0);
      git('config', 'user.name', 'Test');
      git('config', 'user.email', 'test@example.org');
      git('config', 'commit.gpgsign', 'false');
      const install = run('npm', 'run', '--silent', 'hooks:install');
      expect(install.status, install.stderr).toBe(0);
      expect(git('config', 'core.hooksPath').stdout.trim()).toBe('.githooks');
    });

    it('refuses a document the build would stop on, with the file, line and message', () => {
      writeFileSync(doc, BAD);
      git('add', 'content');
      const { status, output } = commit('bad month');
      expect(status).not.toBe(0);
      expect(output).toContain('content/2023/hook-notice.md:5: date: "2023-13-01" has month 13');
      expect(output).toContain('pre-commit: npm run check found problems that would stop the build');
      expect(output).not.toContain('wenyuan-hook-'); // names the file as in the repository, not the staged copy
      expect(git('rev-parse', '--verify', '-q', 'HEAD').status).not.toBe(0);
    });

    it('checks what is staged: a fix in the working tree alone does not pass', () => {
      writeFileSync(doc, GOOD);
      expect(commit('fixed, not staged').status).not.toBe(0);
    });

    it('lets a valid document through', () => {
      git('add', 'content');
      const { status, output } = commit('good');
      expect(status, output).toBe(0);
      expect(output).toContain('1 documents checked: no problems.');
    });

    it('checks the staged copy even when the working tree is wrong', () => {
      writeFileSync(doc, BAD);
      const { status, output } = commit('staged copy is valid');
      expect(git('status', '--porcelain').stdout).toContain('content/2023/hook-notice.md');
      expect(output).not.toContain('has month 13');
      expect(status, output).toBe(0);
    });

    it('lets through, with a warning, a rule error the build only warns about; npm run check alone refuses it', () => {
      // Two versions of one work, both 现行有效: the build warns, the plain check fails.
      const rule = (id: string, date: string) =>
        `---\nid: ${id}\ntype: rule\ntitle: 测试规则\ndate: ${date}\nissuer: 测试机关\nstatus: 现行有效\nwork: test-rule\n---\n\n第一条　为了测试，制定本规则。\n`;
      writeFileSync(doc, GOOD);
      writeFileSync(path.join(repo, 'content', '2023', 'rule-a.md'), rule('2020-01-01-test-rule', '2020-01-01'));
      writeFileSync(path.join(repo, 'content', '2023', 'rule-b.md'), rule('2023-01-01-test-rule', '2023-01-01'));
      git('add', 'content');
      const plain = run('npm', 'run', '--silent', 'check', '--', 'content');
      expect(plain.status, plain.stdout + plain.stderr).not.toBe(0);
      expect(plain.stderr).toContain('现行有效');
      const { status, output } = commit('two current versions');
      expect(status, output).toBe(0);
      expect(output).toContain('现行有效');
    });
  });
});
