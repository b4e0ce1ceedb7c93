/**
 * What a reader's browser fetches for a first and a second search on a built
 * site: bytes (compressed as a static host would serve them), requests and
 * milliseconds to results, in Chromium. Used by `npm run bench:search` and
 * `npm run bench:partition`.
 *
 * The first query is the search page opened with it (and any filters in the
 * address), as a reader arriving from a link; the second is typed into the
 * loaded page `pauseMs` after the first one's results are on screen, as a
 * reader reads them and types the next phrase. Bytes fetched during the
 * pause count for the first query.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../src/server/static-server.ts';

export interface QueryPhase {
  name: string;
  bytes: number;
  requests: number;
  ms: number;
  /** Bytes by kind of file: metadata, index chunks, fragments, filters, Pagefind code, page. */
  kinds: Record<string, number>;
}

export interface QueryPlan {
  first: string;
  second: string;
  /** Filters in the first query's address, e.g. `{ year: ['2024'] }`; they stay for the second. */
  filters?: Record<string, readonly string[]>;
  pauseMs: number;
}

/** Pagefind's own files are already compressed; text is gzipped. */
function servedBytes(url: string, body: Buffer): number {
  return /\.(pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/.test(new URL(url).pathname) ? body.length : gzipSync(body).length;
}

/** What a response is, for the breakdown of a query's bytes. */
export function kindOf(url: string): string {
  const name = new URL(url).pathname;
  const ext = /\.(pf_meta|pf_index|pf_fragment|pf_filter)$/.exec(name)?.[1];
  if (ext) return { pf_meta: 'metadata', pf_index: 'index chunks', pf_fragment: 'fragments', pf_filter: 'filters' }[ext]!;
  // Shards are pagefind/, pagefind-1/ … and, in a partitioned archive, pagefind-<partition>/, pagefind-<partition>-1/ …
  return /^\/pagefind(-[^/]+)?\//.test(name) ? 'Pagefind code' : 'page';
}

/** Serves `distDir` and runs `plan` in a fresh page of `browser`; returns the first and the second query's phase. */
export async function measureQueries(browser: Browser, distDir: string, plan: QueryPlan): Promise<[QueryPhase, QueryPhase]> {
  const { server, url } = await serveStatic(distDir, '127.0.0.1', 0);
  const page = await browser.newPage();
  try {
    let bytes = 0;
    let requests = 0;
    let kinds: Record<string, number> = {};
    // Bodies arrive asynchronously: a phase is totalled only once every body it asked for is counted.
    let pending: Array<Promise<void>> = [];
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => {
            const served = servedBytes(response.url(), body);
            bytes += served;
            const kind = kindOf(response.url());
            kinds[kind] = (kinds[kind] ?? 0) + served;
            requests++;
          })
          .catch(() => undefined),
      );
    });
    const totals = async () => {
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      const result = { bytes, requests, kinds };
      bytes = 0;
      requests = 0;
      kinds = {};
      pending = [];
      return result;
    };
    // Results on screen: the status names the query and the first results are listed (or none were found).
    // The facet counts follow the results and are not waited for.
    const onScreen = (query: string) =>
      page.waitForFunction((q) => {
        const status = document.getElementById('search-status')?.textContent ?? '';
        if (!status.includes(q)) return false;
        return /未找到|没有出现/.test(status) || document.querySelector('#search-results .result') !== null;
      }, query);
    const params = new URLSearchParams({ q: plan.first });
    for (const [facet, values] of Object.entries(plan.filters ?? {})) for (const value of values) params.append(facet, value);
    const filtered = params.size > 1 ? `, filtered to ${[...params].slice(1).map(([k, v]) => `${k}=${v}`).join('&')}` : '';
    const navigationStart = performance.now();
    await page.goto(new URL(`/search/?${params}`, url).href);
    await onScreen(plan.first);
    const firstMs = performance.now() - navigationStart;
    await page.waitForTimeout(plan.pauseMs);
    const first: QueryPhase = { name: `first query, page and index loaded with it (${plan.first}${filtered})`, ...(await totals()), ms: firstMs };
    const started = await page.evaluate(() => performance.now());
    await page.fill('#search-input', plan.second);
    await page.press('#search-input', 'Enter');
    await onScreen(plan.second);
    const ended = await page.evaluate(() => performance.now());
    const second: QueryPhase = { name: `second query (${plan.second}${filtered})`, ...(await totals()), ms: ended - started };
    return [first, second];
  } finally {
    await page.close();
    server.close();
  }
}

/** The phases as a Markdown table and a breakdown by kind. */
export function printPhases(phases: readonly QueryPhase[], pauseMs: number): void {
  console.log(`\n| browser (second query typed ${pauseMs} ms after the first one's results) | KB transferred | requests | ms to results |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const p of phases) console.log(`| ${p.name} | ${(p.bytes / 1024).toFixed(0)} | ${p.requests} | ${p.ms.toFixed(0)} |`);
  console.log('\nKB by kind:');
  for (const p of phases) {
    const parts = Object.entries(p.kinds).sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${(n / 1024).toFixed(0)}`);
    console.log(`- ${p.name}: ${parts.join(', ')}`);
  }
}
