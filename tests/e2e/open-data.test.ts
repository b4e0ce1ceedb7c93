/**
 * What the archive publishes for machines, read from the built test site as a
 * client would read it: RSS feeds and the sitemap checked well-formed by the
 * browser's strict XML parser and read with fast-xml-parser, the
 * data files through JSON and CSV parsers and against their JSON Schemas,
 * datapackage.json against the Data Package standard's rules and the files it
 * describes; autodiscovery links and the data page through an HTML parser.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import matter from 'gray-matter';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentSchema, type DocumentData } from '../../src/schemas/document.ts';
import { facetSegment, UNKNOWN_VALUE } from '../../src/lib/facets.ts';
import { compareForFeed, FEED_FACETS, FEED_SIZE, type FeedFacet } from '../../src/lib/feeds.ts';
import { TYPES_WITH_STATUS } from '../../src/lib/vocabulary.ts';
import { baseUrl, builtContentDir, enabled, openPage, sharedBrowser, shippedUrl } from './helpers.ts';

/** The base URL the test build was made with (WENYUAN_SITE's default): absolute URLs in the files name it. */
const SITE = 'http://127.0.0.1:4321';

interface Doc {
  id: string;
  data: DocumentData;
}

function contentDocs(dir: string): Doc[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.mdx?$/.test(e.name));
  return files.map((e) => {
    const data = documentSchema.parse(matter(readFileSync(path.join(e.parentPath, e.name), 'utf8')).data);
    return { id: data.id, data };
  });
}

/** Where a URL naming the build's site is served in this test. */
function served(url: string, site = baseUrl): string {
  const u = new URL(url, SITE);
  return new URL(`${u.pathname}${u.search}`, site).href;
}

async function get(pathname: string, site = baseUrl): Promise<{ text: string; bytes: Buffer; type: string }> {
  const response = await fetch(served(pathname, site));
  expect(response.status, pathname).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { text: bytes.toString('utf8'), bytes, type: response.headers.get('content-type') ?? '' };
}

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });

/** A page of the browser kept open for its XML parser (DOMParser, strict: any error gives a <parsererror>). */
let xmlPage: Page | undefined;

/** The browser XML parser's complaint about `source`, or null when it is well-formed. */
function xmlProblem(source: string): Promise<string | null> {
  return xmlPage!.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
  }, source);
}

async function getXml(pathname: string, site = baseUrl): Promise<Record<string, any>> {
  const { text, type } = await get(pathname, site);
  expect(type).toMatch(/xml/);
  expect(await xmlProblem(text), pathname).toBeNull();
  return xml.parse(text);
}

async function getHtml(pathname: string, site = baseUrl): Promise<Root> {
  return fromHtml((await get(pathname, site)).text);
}

function elements(tree: Root, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

const feedLinks = (tree: Root) =>
  elements(tree, (el) => el.tagName === 'link' && String(el.properties.rel) === 'alternate' && el.properties.type === 'application/rss+xml').map((el) => String(el.properties.href));

function facetValue(doc: Doc, facet: FeedFacet): string | undefined {
  const data = doc.data as Record<string, unknown>;
  if (facet === 'type') return doc.data.type;
  if (facet === 'status') return (TYPES_WITH_STATUS as readonly string[]).includes(doc.data.type) ? ((data.status as string | undefined) ?? UNKNOWN_VALUE.status) : undefined;
  return (data[facet] as string | undefined) ?? UNKNOWN_VALUE[facet];
}

function ajv() {
  const instance = new Ajv2020({ strict: true, allErrors: true });
  instance.addFormat('uri', (value: string) => URL.canParse(value));
  return instance;
}

describe.runIf(enabled)('published for machines', () => {
  const browser = sharedBrowser();
  beforeAll(async () => {
    xmlPage = await browser().newPage();
  });

  it('the XML check rejects what is not well-formed', async () => {
    expect(await xmlProblem('<rss><channel><title>A & B</title></channel></rss>')).not.toBeNull();
    expect(await xmlProblem('<rss><channel></rss>')).not.toBeNull();
    expect(await xmlProblem('<rss><channel><title>A &amp; B</title></channel></rss>')).toBeNull();
  });

  describe('feeds', () => {
    const docs = contentDocs(builtContentDir);
    const byId = new Map(docs.map((d) => [d.id, d]));

    /** Checks one feed against the documents it should hold; returns its items. */
    async function checkFeed(pathname: string, members: Doc[], channelLink: string) {
      const rss = await getXml(pathname);
      expect(rss.rss['@_version']).toBe('2.0');
      const channel = rss.rss.channel;
      expect(channel.title).toMatch(/^文渊 · /);
      expect(channel.link).toBe(new URL(channelLink, SITE).href);
      expect(channel.language).toBe('zh-cn');
      expect(channel['atom:link']['@_href']).toBe(new URL(pathname, SITE).href);
      const items: Array<Record<string, any>> = channel.item ?? [];
      const expected = [...members].sort(compareForFeed).slice(0, FEED_SIZE);
      expect(items.map((item) => item.link)).toEqual(expected.map((d) => `${SITE}/documents/${d.id}/`));
      for (const [i, item] of items.entries()) {
        const { data } = expected[i]!;
        expect(item.title).toBe(data.title);
        expect(item.guid['#text']).toBe(item.link);
        expect(item['dc:creator']).toBe(data.issuer);
        expect(item['dc:date']).toBe(data.date);
        expect(item.category).toHaveLength(1);
        if (data.date && /^\d{4}-\d{2}-\d{2}$/.test(data.date)) {
          expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(data.date);
        } else {
          // A month, a year or no date: no invented day.
          expect(item.pubDate).toBeUndefined();
        }
      }
      return items;
    }

    it('the archive feed lists the latest documents by document date, then id; undated last with no date; each with title, date, issuer, summary, link', async () => {
      const items = await checkFeed('/rss.xml', docs, '/');
      expect(items.length).toBe(Math.min(docs.length, FEED_SIZE));
      const undated = items.filter((item) => !byId.get(item.link.split('/').at(-2))!.data.date);
      expect(undated.length).toBeGreaterThan(0);
      expect(items.slice(-undated.length)).toEqual(undated);
      expect(items.every((item) => typeof item.description === 'string' && item.description.length > 0)).toBe(true);
      for (const item of items) expect((await fetch(served(item.link))).status, item.link).toBe(200);
    });

    it('every type, region, issuer and status has its feed beside its browse page, holding exactly its documents', async () => {
      let feeds = 0;
      for (const facet of FEED_FACETS) {
        const values = new Set(docs.map((d) => facetValue(d, facet)).filter((v): v is string => v !== undefined));
        for (const value of values) {
          const page = `/browse/${facet}/${encodeURIComponent(facetSegment(value))}/`;
          await checkFeed(`${page}rss.xml`, docs.filter((d) => facetValue(d, facet) === value), page);
          feeds++;
        }
      }
      expect(feeds).toBeGreaterThan(10);
    });

    it('summaries are the first paragraph as text: markup written in a document stays text, MDX documents have one too', async () => {
      const items: Array<Record<string, any>> = (await getXml(`/browse/issuer/${encodeURIComponent('测试机关')}/rss.xml`)).rss.channel.item;
      const byLink = new Map(items.map((item) => [item.link.split('/').at(-2), item]));
      expect(byLink.get('2021-xss-fixture')!.description).toContain('<script>window.__wenyuanInjected = true</script> 它必须显示为文字。');
      expect(byLink.get('2020-06-mdx-fixture')!.description).toBe('这是一篇 MDX 格式的通知，用于测试 MDX 文件同样进入档案。');
      // 2021 (a year) is newer than 2020-06; neither has a pubDate.
      expect([...byLink.keys()].indexOf('2021-xss-fixture')).toBeLessThan([...byLink.keys()].indexOf('2020-06-mdx-fixture'));
      const speech = (await getXml('/rss.xml', shippedUrl)).rss.channel.item.find((item: Record<string, string>) => item.title === '在区委人大工作会议上的讲话');
      expect(speech.description.startsWith('刚才，')).toBe(true);
    });

    it('pages announce their feed: home the archive feed, a browse page its own (with a 订阅 link), a year page none', async () => {
      expect(feedLinks(await getHtml('/'))).toEqual(['/rss.xml']);
      expect(feedLinks(await getHtml('/browse/'))).toEqual(['/rss.xml']);
      const page = `/browse/status/${encodeURIComponent('现行有效')}/`;
      const tree = await getHtml(page);
      expect(feedLinks(tree)).toEqual([`${page}rss.xml`]);
      const subscribe = elements(tree, (el) => el.properties.dataTestid === 'feed-link');
      expect(subscribe.map((el) => [hastText(el), el.properties.href])).toEqual([['订阅（RSS）', `${page}rss.xml`]]);
      const year = await getHtml('/browse/year/2023/');
      expect(feedLinks(year)).toEqual([]);
      expect(elements(year, (el) => el.properties.dataTestid === 'feed-link')).toEqual([]);
    });
  });

  describe('sitemap', () => {
    it('lists every page but article histories, every document page among them, and nothing else; robots.txt names it', async () => {
      const index = await getXml('/sitemap-index.xml');
      const maps: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
      expect(maps.length).toBeGreaterThan(0);
      const locs: string[] = [];
      for (const map of maps) {
        expect(map.startsWith(`${SITE}/`)).toBe(true);
        locs.push(...(await getXml(map)).urlset.url.map((u: { loc: string }) => u.loc));
      }
      expect(new Set(locs).size).toBe(locs.length);
      for (const doc of contentDocs(builtContentDir)) expect(locs, doc.id).toContain(`${SITE}/documents/${doc.id}/`);
      expect(locs).toContain(`${SITE}/data/`);
      // The history of single articles is left out (src/lib/sitemap.ts), comparisons are not.
      expect(locs.filter((loc) => /\/documents\/[^/]+\/history\//.test(loc))).toEqual([]);
      expect(locs.some((loc) => /\/documents\/[^/]+\/diff\//.test(loc))).toBe(true);
      expect(locs.filter((loc) => !loc.endsWith('/') || loc.includes('/404'))).toEqual([]);
      for (const loc of locs) expect((await fetch(served(loc))).status, loc).toBe(200);
      expect((await get('/robots.txt')).text).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    });
  });

  describe('open data', () => {
    const docs = contentDocs(builtContentDir);

    it('documents.json holds every document, valid against documents.schema.json, with its page and text URLs', async () => {
      const schema = JSON.parse((await get('/data/documents.schema.json')).text);
      const data = await get('/data/documents.json');
      expect(data.type).toMatch(/^application\/json/);
      const records = JSON.parse(data.text) as Array<Record<string, any>>;
      const validate = ajv().compile(schema);
      expect(validate(records), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(records.map((r) => r.id)).toEqual(docs.map((d) => d.id).sort());
      for (const record of records) {
        const doc = docs.find((d) => d.id === record.id)!;
        const { url, text_url, ...front } = record;
        expect(front).toEqual(JSON.parse(JSON.stringify(doc.data)));
        expect(url).toBe(`${SITE}/documents/${record.id}/`);
        expect(text_url).toBe(`${SITE}/documents/${record.id}.txt`);
        expect((await fetch(served(url))).status).toBe(200);
      }
    });

    it('documents.csv and citations.csv read with a CSV parser into the same documents and consistent citations', async () => {
      const records = JSON.parse((await get('/data/documents.json')).text) as Array<Record<string, any>>;
      const csv = await get('/data/documents.csv');
      expect(csv.type).toMatch(/^text\/csv/);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(rows.map((r) => r.id)).toEqual(records.map((r) => r.id));
      for (const [i, row] of rows.entries()) {
        const record = records[i]!;
        for (const field of ['type', 'title', 'date', 'issuer', 'region', 'status', 'url', 'text_url']) expect(row[field], `${record.id} ${field}`).toBe(record[field] ?? '');
        expect(JSON.parse(row.tags!)).toEqual(record.tags);
        expect(row.source_url).toBe(record.source?.url ?? '');
      }
      const ids = new Set(records.map((r) => r.id));
      const citations = parseCsv((await get('/data/citations.csv')).text, { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(citations.length).toBeGreaterThan(0);
      for (const c of citations) {
        expect(ids.has(c.citing_id!)).toBe(true);
        expect(c.cited_kind === 'document' ? ids.has(c.cited_id!) : c.cited_id === '').toBe(true);
        expect(Number(c.citations)).toBeGreaterThan(0);
      }
      expect(citations.some((c) => c.citing_id === '2023-06-01-test-cites-rule' && c.cited_id === '2023-03-01-test-yishi-guize')).toBe(true);
    });

    it('datapackage.json describes every file as the Data Package standard asks, with the sizes, hashes and columns of the files served', async () => {
      const pkg = JSON.parse((await get('/datapackage.json')).text);
      expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
      expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
      expect(pkg.licenses.length).toBeGreaterThan(0);
      for (const licence of pkg.licenses) expect(licence.name ?? licence.path).toBeTruthy();
      expect(Array.isArray(pkg.resources) && pkg.resources.length).toBeGreaterThan(0);
      const names = pkg.resources.map((r: { name: string }) => r.name);
      expect(new Set(names).size).toBe(names.length);
      for (const resource of pkg.resources) {
        expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
        expect('path' in resource !== 'data' in resource).toBe(true);
        // A relative path may not climb out of the package (no leading / . ~, no ..).
        expect(resource.path).toMatch(/^(?=[^./~])(?!.*\.\.).*$/);
        const file = await get(`/${resource.path}`);
        expect(resource.bytes, resource.path).toBe(file.bytes.length);
        expect(resource.hash).toBe(`sha256:${createHash('sha256').update(file.bytes).digest('hex')}`);
        expect(file.type.startsWith(resource.mediatype)).toBe(true);
        expect(resource.encoding).toBe('utf-8');
        if (resource.type === 'table') {
          expect(resource.format).toBe('csv');
          const header = parseCsv(file.text, { bom: true, to: 1 })[0] as string[];
          const fields = resource.schema.fields as Array<{ name: string; type: string }>;
          expect(fields.map((f) => f.name)).toEqual(header);
          for (const f of fields) expect(['string', 'integer', 'number', 'boolean', 'array', 'date']).toContain(f.type);
          for (const key of resource.schema.primaryKey ?? []) expect(header).toContain(key);
          for (const fk of resource.schema.foreignKeys ?? []) {
            const target = pkg.resources.find((r: { name: string }) => r.name === fk.reference.resource);
            expect(target?.type).toBe('table');
            for (const f of fk.reference.fields) expect(target.schema.fields.map((x: { name: string }) => x.name)).toContain(f);
          }
        } else {
          expect(resource.profile).toBe('json-data-resource');
          expect(resource.format).toBe('json');
          const validate = ajv().compile(JSON.parse((await get(`/${resource.schema}`)).text));
          expect(validate(JSON.parse(file.text)), `${resource.path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        }
      }
      expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('graph.json');
    });

    it('the data page lists each file with its size and the licence note, and is linked from the navigation and the home page', async () => {
      const tree = await getHtml('/data/');
      const rows = elements(tree, (el) => el.tagName === 'tr' && el.properties.dataFile !== undefined);
      expect(rows.length).toBe(7);
      for (const row of rows) {
        const file = await get(`/${row.properties.dataFile}`);
        const size = elements({ type: 'root', children: [row] }, (el) => el.properties.dataBytes !== undefined)[0]!;
        expect(Number(size.properties.dataBytes)).toBe(file.bytes.length);
      }
      const licence = hastText(elements(tree, (el) => el.tagName === 'section' && String(el.properties.ariaLabelledBy) === 'licence')[0]!);
      expect(licence).toContain('《中华人民共和国著作权法》第五条');
      expect(licence).toContain('不附加任何限制');
      const home = await getHtml('/');
      expect(elements(home, (el) => el.tagName === 'a' && el.properties.href === '/data/').map(hastText)).toContain('数据下载');
      const { page, problems } = await openPage(browser(), '/data/');
      expect(await page.getAttribute('.site-nav a[href="/data/"]', 'aria-current')).toBe('page');
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
