/**
 * The staff editor as a clerk uses it: `npm run admin` (the dev server and
 * decap-server) on a temporary copy of the content; a rule and an
 * implementation opinion created through the form and saved; the files then
 * pass `npm run check` and a build of that folder shows their pages. And the
 * built /admin/ page starts under the policy the static server sends there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabled, openPage, sharedBrowser, shippedUrl } from './helpers.ts';

const RULE = { title: '青禾区人民代表大会常务委员会议事规则', date: '2025-03-01', issuer: '青禾区人大常委会', region: '北京市青禾区', doc_number: '青人常发〔2025〕1号' };
const OPINION = { title: '关于加强青禾区人大代表联络站建设的实施意见', date: '2025-04', issuer: '中共青禾区委' };

/** Waits for a line of the admin script's output that matches, or fails with what it printed. */
function waitForOutput(child: ChildProcess, pattern: RegExp, output: { text: string }): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output.text);
      if (match) resolve(match);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output.text += chunk.toString();
      check();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output.text += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`npm run admin ended (exit ${code}) before it was ready:\n${output.text}`)));
  });
}

/** Fills one of the form's text fields, found by its label. */
async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: false }).first().fill(value);
}

/** Opens the form of a new entry of `collection` (labelled `label`) and waits until it is that form, empty, not the page before it. */
async function openNew(page: Page, adminUrl: string, collection: string, label: string): Promise<void> {
  // A fresh load: moving to another collection's new entry by its address alone
  // keeps the last entry's draft in Decap's store.
  await page.goto(`${adminUrl}#/collections/${collection}/new`);
  await page.reload();
  await page.getByText(`正在集合“${label}”中编写`).waitFor();
  await expect(page.getByLabel('标题', { exact: false }).first().inputValue()).resolves.toBe('');
}

/** Publishes the entry in the form and waits until Decap has saved it (the address names the entry). */
async function publish(page: Page, collection: string): Promise<void> {
  await page.getByRole('button', { name: '发布' }).first().click();
  await page.getByText('立即发布').click();
  await page.waitForURL(new RegExp(`#/collections/${collection}/entries/.+`));
  await page.getByText('删除内容').waitFor();
}

describe.skipIf(!enabled)('the staff editor (/admin/)', () => {
  const browser = sharedBrowser();

  it('starts under the static server with the policy sent for /admin/, in Chinese, without a policy violation', async () => {
    const { page, problems } = await openPage(browser(), 'admin/', shippedUrl);
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem))).toEqual([]);
    await page.close();
    // Not a page for readers: neither in the sitemap nor for crawlers.
    expect(await (await fetch(new URL('sitemap-0.xml', shippedUrl))).text()).not.toContain('/admin/');
    expect(await (await fetch(new URL('robots.txt', shippedUrl))).text()).toContain('Disallow: /admin/');
  });

  describe('npm run admin on a copy of the content', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-admin-'));
    const content = path.join(work, 'content');
    let admin: ChildProcess | undefined;
    let adminUrl = '';
    const output = { text: '' };

    beforeAll(async () => {
      cpSync('content', content, { recursive: true });
      // The test runner's own variables (VITEST, TEST, NODE_ENV=test) make Astro's dev server skip its pages.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)));
      admin = spawn(process.execPath, ['scripts/admin.ts'], { env: { ...env, WENYUAN_CONTENT_DIR: content, WENYUAN_CACHE_DIR: path.join(work, 'cache') }, stdio: ['ignore', 'pipe', 'pipe'] });
      adminUrl = (await waitForOutput(admin, /(http:\/\/127\.0\.0\.1:\d+\/admin\/)/, output))[1]!;
    });

    afterAll(async () => {
      if (admin?.pid && admin.exitCode === null) {
        const ended = new Promise((resolve) => admin!.once('exit', resolve));
        process.kill(admin.pid, 'SIGINT');
        await ended;
      }
      rmSync(work, { recursive: true, force: true });
    });

    it('creates a rule and an implementation opinion through the form; the files pass npm run check and build into pages', async () => {
      const page = await browser().newPage();
      await page.goto(adminUrl);
      await page.getByRole('button', { name: '登录' }).click();

      await openNew(page, adminUrl, 'rule', '规则/办法/条例');
      await fill(page, '标题', RULE.title);
      await fill(page, '日期', RULE.date);
      await fill(page, '发文机关', RULE.issuer);
      await fill(page, '地区', RULE.region);
      await fill(page, '发文字号', RULE.doc_number);
      const body = page.getByLabel('正文');
      // A new rule starts from the 第X条 skeleton; the clerk adds the next article.
      await expect(body.inputValue()).resolves.toContain('第一条　为了……');
      await body.fill(`${await body.inputValue()}\n第二条　常务委员会会议由主任召集并主持。\n`);
      await publish(page, 'rule');

      await openNew(page, adminUrl, 'opinion', '意见/实施意见');
      await fill(page, '标题', OPINION.title);
      await fill(page, '日期', OPINION.date);
      await fill(page, '发文机关', OPINION.issuer);
      await page.getByLabel('正文').fill('为进一步加强人大代表联络站建设，提出如下意见。\n\n## 一、总体要求\n\n坚持党的领导。\n');
      await publish(page, 'opinion');
      await page.close();

      const check = spawnSync(process.execPath, ['scripts/check-content.ts', content], { encoding: 'utf8' });
      expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);

      const ruleFile = path.join(content, '2025', '2025-03-01-qing-he-qu-ren-min-dai-biao-da-d9e5.md');
      expect(existsSync(ruleFile), output.text).toBe(true);
      const rule = readFileSync(ruleFile, 'utf8');
      // The importer's layout: its field order, its quoting of dates; work and adoption date as npm run new sets them.
      expect(rule).toBe(
        [
          '---',
          'id: 2025-03-01-qing-he-qu-ren-min-dai-biao-da-d9e5',
          `title: ${RULE.title}`,
          'type: rule',
          'status: 现行有效',
          "date: '2025-03-01'",
          `issuer: ${RULE.issuer}`,
          `region: ${RULE.region}`,
          `doc_number: ${RULE.doc_number}`,
          'work: qing-he-qu-ren-min-dai-biao-da-d9e5',
          "adopted: '2025-03-01'",
          '---',
          '## 第一章　总则',
          '',
          '第一条　为了……，根据……，结合本地实际，制定本规则。',
          '',
          '第二条　常务委员会会议由主任召集并主持。',
          '',
        ].join('\n'),
      );
      const opinionFile = path.join(content, '2025', '2025-04-guan-yu-jia-qiang-qing-he-qu-ren.md');
      expect(readFileSync(opinionFile, 'utf8')).toMatch(/^---\nid: 2025-04-guan-yu-jia-qiang-qing-he-qu-ren\ntitle: 关于加强青禾区人大代表联络站建设的实施意见\ntype: opinion\ndate: 2025-04\nissuer: 中共青禾区委\n---\n为进一步加强/);

      const outDir = path.join(work, 'dist');
      const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        env: { ...process.env, WENYUAN_CONTENT_DIR: content, WENYUAN_OUT_DIR: outDir, WENYUAN_CACHE_DIR: path.join(work, 'build-cache'), WENYUAN_SKIP_SEARCH_INDEX: '1', ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const rulePage = readFileSync(path.join(outDir, 'documents', '2025-03-01-qing-he-qu-ren-min-dai-biao-da-d9e5', 'index.html'), 'utf8');
      expect(rulePage).toContain(RULE.title);
      expect(rulePage).toContain('id="第二条"');
      const opinionPage = readFileSync(path.join(outDir, 'documents', '2025-04-guan-yu-jia-qiang-qing-he-qu-ren', 'index.html'), 'utf8');
      expect(opinionPage).toContain(OPINION.title);
    }, 300_000);
  });
});
