/**
 * The partitioned build (README, "Beyond one machine"): the default content
 * plus the site fixtures, built once as a single build and once as two
 * partitions (split by year, so the two versions of a rule fall in different
 * partitions) plus the hub, give the same site: every file but the search
 * index byte-identical, the same search results, and a search filtered to
 * one partition's years loads only that partition's shards.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles, fileHashes } from '../../src/lib/files.ts';
import { MANIFEST_FILE, type PartitionManifest } from '../../src/lib/partition-manifest.ts';
import type { SearchSettings } from '../../src/lib/search/settings.ts';
import { shardCount, shardPath } from '../../src/lib/search/shards.ts';
import { serveStatic } from '../../src/server/static-server.ts';
import { drawQueries, runQueries, truthPages } from '../../scripts/eval/search-eval.ts';
import { HAVE_BROWSER, launchChromium } from './chromium.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-partitions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contentDir = path.join(work, 'content');
const partitionsFile = path.join(work, 'wenyuan.partitions.json');
const graphFile = path.join(work, 'graph.json');
const single = path.join(work, 'single');
const merged = path.join(work, 'merged');
const partition = (name: string) => path.join(work, 'partitions', name);
// Four pages per shard: the larger partition is searched as several merged shards.
const env = { ...process.env, WENYUAN_CONTENT_DIR: contentDir, WENYUAN_PAGES_PER_SHARD: '4', ASTRO_TELEMETRY_DISABLED: '1', WENYUAN_QUIET: '1' };

function run(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, args, { env: { ...env, ...extra }, encoding: 'utf8' });
}

function succeed(args: string[], extra: Record<string, string> = {}): void {
  const result = run(args, extra);
  expect(result.status, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

/** Every file's hash, search index folders left out (their layout differs by design). */
function siteFiles(dir: string): Map<string, string> {
  return new Map([...fileHashes(dir)].filter(([file]) => !/^pagefind(-[^/]+)?\//.test(file)));
}

const graph = ['--graph', graphFile, '--partitions', partitionsFile];

beforeAll(() => {
  cpSync('content', contentDir, { recursive: true });
  cpSync('tests/fixtures/site/content', path.join(contentDir, 'extra-1'), { recursive: true });
  writeFileSync(partitionsFile, JSON.stringify({ partitions: [{ name: 'to2022', years: { to: 2022 }, undated: true }, { name: 'from2023', years: { from: 2023 } }] }));
  succeed(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { WENYUAN_OUT_DIR: path.join(single, 'dist'), WENYUAN_CACHE_DIR: path.join(single, 'cache') });
  succeed(['scripts/build-graph.ts', '--out', graphFile], { WENYUAN_CACHE_DIR: path.join(work, 'graph-cache') });
  for (const name of ['to2022', 'from2023']) {
    succeed(['scripts/build-partition.ts', name, ...graph, '--out', partition(name), '--cache', path.join(work, `cache-${name}`)]);
  }
  succeed(['scripts/build-hub.ts', ...graph, '--out', path.join(merged, 'dist'), '--cache', path.join(work, 'cache-hub'), partition('to2022'), partition('from2023')]);
}, 600_000);

describe('partitioned build', () => {
  it('each partition holds only its documents, its shards and its manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(partition('from2023'), MANIFEST_FILE), 'utf8')) as PartitionManifest;
    expect(manifest.documents.length).toBeGreaterThan(0);
    // Its own shards, as many as its documents need at 4 pages a shard (WENYUAN_PAGES_PER_SHARD).
    expect(manifest.shards).toEqual(Array.from({ length: shardCount(manifest.documents.length, 4) }, (_, i) => shardPath(i, 'from2023')));
    expect(manifest.shards[0]).toBe('/pagefind-from2023/');
    expect(manifest.files.filter((file) => !/^(documents|_astro|pagefind-from2023(-\d+)?)\//.test(file))).toEqual([]);
    expect(manifest.files).toContain(`documents/${manifest.documents[0]}/index.html`);
    // The later version's comparison lives with the older version, in the other partition.
    const other = JSON.parse(readFileSync(path.join(partition('to2022'), MANIFEST_FILE), 'utf8')) as PartitionManifest;
    expect(other.files).toContain('documents/2021-11-26-beijingshi-geji-69d0/diff/2024-09-27-beijingshi-geji-69d0/index.html');
    expect(other.shards.length).toBeGreaterThan(1);
  });

  it('merges into exactly the single build: every page, link, feed, sitemap and data file byte-identical', () => {
    const one = siteFiles(path.join(single, 'dist'));
    const parts = siteFiles(path.join(merged, 'dist'));
    expect(one.size).toBeGreaterThan(100);
    expect([...parts.keys()].sort()).toEqual([...one.keys()].sort());
    expect(differingFiles(one, parts)).toEqual([]);
    const settings = JSON.parse(readFileSync(path.join(merged, 'dist', 'pagefind', 'wenyuan-search.json'), 'utf8')) as SearchSettings;
    expect(settings.partitions?.map((p) => [p.name, p.shards.length > 0])).toEqual([['to2022', true], ['from2023', true]]);
  });

  it('refuses partitions built from a different graph, naming the partition', () => {
    const otherGraph = path.join(work, 'other-graph.json');
    writeFileSync(otherGraph, `${readFileSync(graphFile, 'utf8')}\n`);
    const result = run(['scripts/build-hub.ts', '--graph', otherGraph, '--partitions', partitionsFile, '--out', path.join(work, 'refused'), partition('to2022'), partition('from2023')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('partition "to2022" was built from a different graph');
  });

  it('refuses an incomplete set of partitions', () => {
    const result = run(['scripts/build-hub.ts', ...graph, '--out', path.join(work, 'refused'), partition('to2022')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('partition "from2023" was not given to the hub');
  });

  it.runIf(HAVE_BROWSER)('finds the same documents for every eval:search query', async () => {
    const pages = truthPages(path.join(single, 'dist'));
    const queries = drawQueries(pages, { seed: 11, perKind: 4, lengths: [1, 2, 4, 8] });
    const [one, parts] = [await runQueries(path.join(single, 'dist'), queries, pages), await runQueries(path.join(merged, 'dist'), queries, pages)];
    expect(queries.length).toBeGreaterThan(10);
    expect(parts.map((o) => o.hits)).toEqual(one.map((o) => o.hits));
    expect(one.some((o) => o.hits.length > 1)).toBe(true);
  });

  it.runIf(HAVE_BROWSER)('orders a search by date across all shards and partitions, the same in both builds', async () => {
    const sorted = async (dist: string, sort: 'asc' | 'desc') => {
      const { server, url } = await serveStatic(dist, '127.0.0.1', 0);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(new URL('/search/', url).href);
        await page.waitForSelector('#search-app[data-ready="true"]');
        return await page.evaluate(async (direction) => {
          const outcome = await window.wenyuanSearch!.search({ query: '规定', sort: { date: direction } });
          return Promise.all(outcome.hits.map(async (hit) => {
            const fragment = await hit.result.data();
            return [fragment.url.split('?')[0]!, fragment.meta.datetime ?? ''] as [string, string];
          }));
        }, sort);
      } finally {
        await browser.close();
        server.close();
      }
    };
    for (const direction of ['desc', 'asc'] as const) {
      const one = await sorted(path.join(single, 'dist'), direction);
      const dates = one.map(([, date]) => date).filter(Boolean);
      expect(new Set(one.map(([, date]) => date.slice(0, 4))).size, 'documents of several years').toBeGreaterThan(2);
      expect(dates, direction).toEqual([...dates].sort((a, b) => (direction === 'desc' ? b.localeCompare(a) : a.localeCompare(b))));
      // Undated documents come last.
      expect(one.slice(dates.length).every(([, date]) => date === ''), direction).toBe(true);
      expect(await sorted(path.join(merged, 'dist'), direction), direction).toEqual(one);
    }
  });

  it.runIf(HAVE_BROWSER)("a search filtered to one partition's years loads only its shards, and the rest when the filter is removed", async () => {
    const [a, b] = await Promise.all([serveStatic(path.join(single, 'dist'), '127.0.0.1', 0), serveStatic(path.join(merged, 'dist'), '127.0.0.1', 0)]);
    const browser = await launchChromium();
    try {
      const results = async (base: string, search: string, requests: string[] = []) => {
        const page = await browser.newPage();
        page.on('request', (request) => requests.push(new URL(request.url()).pathname));
        await page.goto(new URL(`/search/${search}`, base).href);
        await page.waitForSelector('#search-app[data-ready="true"]');
        return { page, hrefs: await page.$$eval('#search-results li h3 a', (links) => links.map((link) => link.getAttribute('href'))) };
      };
      const requests: string[] = [];
      const filtered = await results(b.url, '?q=规定&year=2024', requests);
      expect(filtered.hrefs.length).toBeGreaterThan(0);
      expect(filtered.hrefs).toEqual((await results(a.url, '?q=规定&year=2024')).hrefs);
      const bundles = new Set(requests.flatMap((p) => /^\/(pagefind[^/]*)\//.exec(p)?.slice(1) ?? []));
      // The hub's bundle (its settings) and the shards of the partition that holds 2024 only.
      expect([...bundles].filter((b) => b !== 'pagefind' && !b.startsWith('pagefind-from2023'))).toEqual([]);
      expect(bundles.has('pagefind-from2023')).toBe(true);
      // Unticking the year widens the search to every partition.
      const expected = (await results(a.url, '?q=规定')).hrefs;
      expect(expected.length).toBeGreaterThan(filtered.hrefs.length);
      const shown = () => filtered.page.$$eval('#search-results li h3 a', (links) => links.map((link) => link.getAttribute('href')));
      await filtered.page.click('#search-facets input[name="year"][value="2024"]');
      await filtered.page
        .waitForFunction((count) => document.querySelectorAll('#search-results li').length === count && document.querySelector('#search-app')?.getAttribute('data-searching') === 'false', expected.length, { timeout: 20_000 })
        .catch(() => undefined);
      expect(await shown()).toEqual(expected);
      expect(requests.some((p) => p.startsWith('/pagefind-to2022/'))).toBe(true);
    } finally {
      await browser.close();
      a.server.close();
      b.server.close();
    }
  });
});
