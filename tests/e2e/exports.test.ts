/**
 * A document's files in the browser: the page links its Markdown source,
 * plain text and the BibTeX, RIS and CSL-JSON exports; each link opens a
 * UTF-8 text file with the right content type that its format's reader
 * parses; the page's head reads as Zotero reads it; the print control
 * prints, and says how without script.
 */
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import matter from 'gray-matter';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readEmbeddedMetadata } from '../unit/export/zotero-embedded-metadata.ts';
import { baseUrl, enabled, openPage, sharedBrowser } from './helpers.ts';

const RULE = '2023-03-01-test-yishi-guize';
const RULE_FILE = 'tests/fixtures/site/content/rules/sample-rule.md';
const TITLE = '测试区人民代表大会常务委员会议事规则';

const TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  bib: 'text/x-bibtex; charset=utf-8',
  ris: 'text/x-research-info-systems; charset=utf-8',
  'csl.json': 'application/json; charset=utf-8',
};

/** The files the page's download section links, as [extension, absolute address]. */
async function linkedFiles(page: Page): Promise<Array<[string, string]>> {
  return page.$$eval('[data-testid="downloads"] a[data-file]', (links) =>
    links.map((a) => [(a as HTMLAnchorElement).dataset.file!, (a as HTMLAnchorElement).href] as [string, string]),
  );
}

describe.runIf(enabled)('document files', () => {
  const browser = sharedBrowser();

  it('opens every file a rule page links: UTF-8 text of the right type that its reader parses', async () => {
    const { page, problems } = await openPage(browser(), `/documents/${RULE}/`);
    const files = await linkedFiles(page);
    expect(files.map(([ext]) => ext)).toEqual(['md', 'txt', 'bib', 'ris', 'csl.json']);
    const texts: Record<string, string> = {};
    for (const [ext, href] of files) {
      expect(new URL(href).pathname).toBe(`/documents/${RULE}.${ext}`);
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type'], href).toBe(TYPES[ext]);
      texts[ext] = new TextDecoder('utf-8', { fatal: true }).decode(await response.body());
    }

    expect(texts.md).toBe(readFileSync(RULE_FILE, 'utf8'));
    expect(matter(texts.md!).data.id).toBe(RULE);

    const lines = texts.txt!.split('\n');
    expect(lines[0]).toBe(TITLE);
    expect(lines).toContain('发文字号：测人常发〔2023〕4号');
    expect(lines).toContain('第一条　为了规范常务委员会的议事活动，根据有关法律，制定本规则。');
    expect(texts.txt).not.toContain('复制');

    const bib = parseBibtex(texts.bib!);
    expect(bib.errors).toEqual([]);
    expect(bib.entries[0]!.fields.title).toBe(TITLE);
    expect(bib.entries[0]!.fields.author).toEqual([{ name: '测试区人大常委会' }]);

    const ris = (await Cite.async(texts.ris!, { forceType: '@ris/file' })).data[0]!;
    expect([ris.type, ris.title, ris.number]).toEqual(['legislation', TITLE, '测人常发〔2023〕4号']);
    expect(ris.issued).toEqual({ 'date-parts': [[2023, 3, 1]] });

    const [csl] = JSON.parse(texts['csl.json']!) as Array<Record<string, unknown>>;
    expect(csl).toMatchObject({ id: RULE, type: 'legislation', title: TITLE, issued: { 'date-parts': [[2023, 3, 1]] }, URL: 'https://example.org/rule.html' });
    // The permanent address is made from WENYUAN_SITE, not from the test server's port.
    expect(new URL(String(csl!.archive_location)).pathname).toBe(`/documents/${RULE}/`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps partial and missing dates as they are in every export', async () => {
    const month = await (await fetch(new URL('/documents/2020-06-mdx-fixture.csl.json', baseUrl))).json();
    expect(month[0].issued).toEqual({ 'date-parts': [[2020, 6]] });
    const undated = await (await fetch(new URL('/documents/undated-test-speech.ris', baseUrl))).text();
    expect(undated).not.toMatch(/^(PY|DA) {2}- /m);
    const text = await (await fetch(new URL('/documents/2020-06-mdx-fixture.txt', baseUrl))).text();
    expect(text).toContain('日期：2020年6月\n');
    expect(text).toContain('这是一篇 MDX 格式的通知');
  });

  it('carries metadata in the head that Zotero reads as the document', async () => {
    const read = async (id: string) => readEmbeddedMetadata(await (await fetch(new URL(`/documents/${id}/`, baseUrl))).text());
    expect(await read(RULE)).toMatchObject({
      itemType: 'statute',
      title: TITLE,
      creators: [{ lastName: '测试区人大常委会', firstName: '', creatorType: 'author' }],
      date: '2023-03-01',
      language: 'zh-CN',
      attachments: [{ title: 'Snapshot' }],
    });
    expect(await read('2020-06-mdx-fixture')).toMatchObject({ itemType: 'document', date: '2020-06', title: '关于测试MDX文件的通知' });
    const speech = await read('undated-test-speech');
    expect(speech).toMatchObject({ itemType: 'presentation', creators: [{ lastName: '测试人', firstName: '', creatorType: 'author' }] });
    expect(speech.date).toBeUndefined();
  });

  it('prints with the print button, and says how without script', async () => {
    const { page, problems } = await openPage(browser(), `/documents/${RULE}/`);
    const button = page.locator('[data-testid="downloads"] button[data-print]');
    expect(await button.isVisible()).toBe(true);
    expect(await page.locator('[data-print-hint]').isVisible()).toBe(false);
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await button.click();
    expect(await page.locator('html[data-printed]').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="downloads"]').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();

    const context = await browser().newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(new URL(`/documents/${RULE}/`, baseUrl).href);
    expect(await plain.locator('[data-print-hint]').textContent()).toContain('Ctrl+P');
    expect(await plain.locator('button[data-print]').isVisible()).toBe(false);
    await context.close();
  });
});
