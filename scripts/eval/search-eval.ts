/**
 * The search evaluation: draws queries from a built archive with a fixed
 * seed, runs them through the search page's own engine in Chromium
 * (window.wenyuanSearch), and scores them against the ground truth: the pages
 * whose searchable text (title and blocks, as indexed, after Traditional →
 * Simplified normalisation) contains every phrase of the query.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { searchablePage } from '../../src/lib/search/page-text.ts';
import { pagePath, sharedPageKey } from '../../src/lib/search/engine.ts';
import { SEARCH_SETTINGS_FILE, settingsBundles, type SearchSettings } from '../../src/lib/search/settings.ts';
import { bundlePageIds, sharedPageIds } from '../../src/lib/search/shared-ids.ts';
import { createNormalizer } from '../../src/lib/search/normalize.ts';
import { traditionalToSimplifiedPairs } from '../../src/lib/search/t2s-table.ts';
import { serveStatic } from '../../src/server/static-server.ts';
import { launchChromium } from '../../tests/e2e/chromium.ts';

/** One page's searchable text, normalised, as separate stretches (title, blocks). */
export interface TruthPage {
  url: string;
  stretches: string[];
}

/** A query to evaluate. */
export interface EvalQuery {
  kind: 'length' | 'multi' | 'nowhere';
  /** Characters per phrase for `length` queries. */
  length?: number;
  /** As typed: Simplified, or its Traditional form. */
  text: string;
  script: 'simplified' | 'traditional';
  /** The phrases that must all occur (Simplified). */
  phrases: string[];
}

/** A query with what the engine returned and what it should have. */
export interface EvalOutcome {
  query: EvalQuery;
  truth: Set<string>;
  hits: string[];
  missingReported: boolean;
}

const normalize = createNormalizer(traditionalToSimplifiedPairs());
const HAN_RUN = /\p{Script=Han}+/gu;

/** Reads every document page of a built site as the index sees it. */
export function truthPages(distDir: string): TruthPage[] {
  const pages: TruthPage[] = [];
  for (const entry of readdirSync(path.join(distDir, 'documents'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const html = readFileSync(path.join(distDir, 'documents', entry.name, 'index.html'), 'utf8');
    const page = searchablePage(html);
    if (!page) continue;
    pages.push({ url: `/documents/${entry.name}/`, stretches: [page.title, ...page.blocks.map((b) => b.text)].map(normalize) });
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** Pages containing every phrase (each within one stretch). */
export function truthFor(pages: readonly TruthPage[], phrases: readonly string[]): Set<string> {
  return new Set(pages.filter((p) => phrases.every((phrase) => p.stretches.some((s) => s.includes(phrase)))).map((p) => p.url));
}

/** A small fast deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A function picking one character uniformly from all characters of `runs`,
 * as `pick([...runs.join('')])` would, without the array: at 30,000 documents
 * it held some 240 million one-character strings and ran the benchmark out of
 * memory. Characters are counted by code point.
 */
function characterPicker(runs: readonly string[], next: () => number): () => string {
  // ends[i]: characters in runs[0..i].
  const ends = new Float64Array(runs.length);
  let total = 0;
  runs.forEach((run, i) => {
    for (const _ of run) total++;
    ends[i] = total;
  });
  return () => {
    const index = Math.floor(next() * total);
    // The first run whose end lies beyond the index.
    let low = 0;
    let high = runs.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ends[middle]! > index) high = middle;
      else low = middle + 1;
    }
    const offset = index - (low > 0 ? ends[low - 1]! : 0);
    let seen = 0;
    for (const character of runs[low]!) if (seen++ === offset) return character;
    throw new Error('character index out of range');
  };
}

/** Draws queries of the given lengths, multi-term queries and strings that occur nowhere, each also in Traditional form. */
export function drawQueries(pages: readonly TruthPage[], options: { seed: number; perKind: number; lengths: number[] }): EvalQuery[] {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const runs = pages.flatMap((p) => p.stretches.flatMap((s) => s.match(HAN_RUN) ?? []));
  const substring = (length: number): string | undefined => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const run = [...pick(runs)];
      if (run.length < length) continue;
      const start = Math.floor(next() * (run.length - length + 1));
      return run.slice(start, start + length).join('');
    }
    return undefined;
  };
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const queries: EvalQuery[] = [];
  const add = (query: Omit<EvalQuery, 'script'>) => {
    queries.push({ ...query, script: 'simplified' });
    const traditional = toTraditional(query.text);
    if (traditional !== query.text) queries.push({ ...query, text: traditional, script: 'traditional' });
  };
  for (const length of options.lengths) {
    const seen = new Set<string>();
    for (let i = 0; i < options.perKind * 3 && seen.size < options.perKind; i++) {
      const text = substring(length);
      if (!text || seen.has(text)) continue;
      seen.add(text);
      add({ kind: 'length', length, text, phrases: [text] });
    }
  }
  for (let i = 0; i < options.perKind; i++) {
    const page = pick(pages);
    const own = page.stretches.flatMap((s) => s.match(HAN_RUN) ?? []).filter((r) => [...r].length >= 3);
    if (own.length === 0) continue;
    const a = [...pick(own)].slice(0, 2 + Math.floor(next() * 2)).join('');
    const b = [...pick(own)].slice(-2).join('');
    if (a === b) continue;
    add({ kind: 'multi', text: `${a} ${b}`, phrases: [a, b] });
  }
  const randomCharacter = characterPicker(runs, next);
  for (let made = 0, attempt = 0; made < options.perKind && attempt < 10_000; attempt++) {
    const text = Array.from({ length: 4 + Math.floor(next() * 3) }, randomCharacter).join('');
    if (truthFor(pages, [text]).size > 0) continue;
    made++;
    add({ kind: 'nowhere', text, phrases: [text] });
  }
  return queries;
}

/**
 * Where each page's fragment says it lives, from the Pagefind bundles the
 * built site's search settings name (`pagefind/` and its shards, or every
 * partition's): page key → URL, the key being the fragment file's name
 * (Pagefind's page id), or for an id that several bundles hold, the id with
 * the URL (as the search engine names those pages). The ids several bundles
 * hold are found here again and must be those the settings list.
 */
export function fragmentUrls(distDir: string): Map<string, string> {
  const settings = JSON.parse(readFileSync(path.join(distDir, 'pagefind', SEARCH_SETTINGS_FILE), 'utf8')) as SearchSettings;
  const bundles = settingsBundles(settings);
  const found: Array<[string, string]> = [];
  const ids = bundles.map((bundle) => {
    const own = bundlePageIds(path.join(distDir, bundle));
    for (const id of own) {
      // A fragment is gzipped JSON behind Pagefind's signature.
      const text = gunzipSync(readFileSync(path.join(distDir, bundle, 'fragment', `${id}.pf_fragment`))).toString('utf8');
      found.push([id, (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url]);
    }
    return own;
  });
  const shared = sharedPageIds(ids);
  if (shared.join() !== (settings.sharedIds ?? []).join()) {
    throw new Error(`${distDir}: the search settings list ${JSON.stringify(settings.sharedIds ?? [])} as page ids several bundles hold, the bundles hold ${JSON.stringify(shared)}`);
  }
  const sharedSet = new Set(shared);
  return new Map(found.map(([id, url]) => [sharedSet.has(id) ? sharedPageKey(id, url) : id, url]));
}

/** Hits per query whose fragment the browser loads, to check the page ids against the URLs read from disk. */
const SPOT_CHECKED = 3;

/**
 * Runs the queries through the search page's engine in Chromium; returns hit
 * URLs per query. The browser returns page ids, which are mapped to URLs from
 * the fragments on disk: loading every hit's fragment (thousands for a common
 * character at 10,000 documents, each with the whole text) exhausts Chromium
 * (net::ERR_INSUFFICIENT_RESOURCES, then a crashed page). The first few hits
 * of every query are loaded as the search page would, and must agree.
 */
export async function runQueries(distDir: string, queries: readonly EvalQuery[], pages: readonly TruthPage[]): Promise<EvalOutcome[]> {
  const urlOf = fragmentUrls(distDir);
  const { server, url } = await serveStatic(distDir, '127.0.0.1', 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // A search that fails says which of the site's files could not be fetched.
    const failures: string[] = [];
    page.on('requestfailed', (request) => failures.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.url()} (HTTP ${response.status()})`);
    });
    await page.goto(new URL('/search/', url).href);
    await page.waitForSelector('#search-app[data-ready="true"]');
    const raw = await page.evaluate(async ({ texts, checked }) => {
      const engine = window.wenyuanSearch!;
      const out: Array<{ ids: string[]; loaded: Array<[string, string]>; missing: number }> = [];
      for (const text of texts) {
        const outcome = await engine.search({ query: text });
        const loaded = await Promise.all(outcome.hits.slice(0, checked).map(async (hit): Promise<[string, string]> => [hit.id, (await hit.result.data()).url]));
        out.push({ ids: outcome.hits.map((hit) => hit.id), loaded, missing: outcome.missing.length });
      }
      return out;
    }, { texts: queries.map((q) => q.text), checked: SPOT_CHECKED }).catch((error: unknown) => {
      throw new Error(`searching ${distDir} failed: ${String(error)}${failures.length ? `; requests that failed: ${failures.slice(0, 5).join(', ')}` : ''}`);
    });
    return queries.map((query, i) => {
      const { ids, loaded, missing } = raw[i]!;
      for (const [id, loadedUrl] of loaded) {
        if (pagePath(urlOf.get(id) ?? '') !== pagePath(loadedUrl)) {
          throw new Error(`searching ${distDir} for ${query.text}: page ${id} loads as ${loadedUrl}, its fragment on disk says ${urlOf.get(id) ?? 'nothing (no such fragment)'}`);
        }
      }
      return {
        query,
        truth: truthFor(pages, query.phrases),
        hits: ids.map((id) => {
          const found = urlOf.get(id);
          if (found === undefined) throw new Error(`searching ${distDir} for ${query.text}: page ${id} has no fragment in any pagefind folder`);
          return pagePath(found);
        }),
        missingReported: missing > 0,
      };
    });
  } finally {
    await browser.close();
    server.close();
  }
}

/** Scores for one group of queries. */
export interface Scores {
  queries: number;
  recall: number;
  precisionAt10: number;
  precision: number;
  /** Queries with a result that is not in the truth. */
  withFalseHits: number;
}

/** Mean recall, precision@10 and precision over a group; an empty result has precision 1. */
export function score(outcomes: readonly EvalOutcome[]): Scores {
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1);
  const recall = outcomes.map((o) => (o.truth.size === 0 ? 1 : o.hits.filter((h) => o.truth.has(h)).length / o.truth.size));
  const precision = outcomes.map((o) => (o.hits.length === 0 ? 1 : o.hits.filter((h) => o.truth.has(h)).length / o.hits.length));
  const at10 = outcomes.map((o) => {
    const top = o.hits.slice(0, 10);
    return top.length === 0 ? 1 : top.filter((h) => o.truth.has(h)).length / top.length;
  });
  return {
    queries: outcomes.length,
    recall: mean(recall),
    precisionAt10: mean(at10),
    precision: mean(precision),
    withFalseHits: outcomes.filter((o) => o.hits.some((h) => !o.truth.has(h))).length,
  };
}

/** Groups outcomes by kind and length, Simplified and Traditional apart. */
export function scoreTable(outcomes: readonly EvalOutcome[]): Array<{ group: string; scores: Scores }> {
  const groups = new Map<string, EvalOutcome[]>();
  for (const outcome of outcomes) {
    const q = outcome.query;
    const name = `${q.kind === 'length' ? `length ${q.length}` : q.kind}${q.script === 'traditional' ? ' (繁)' : ''}`;
    groups.set(name, [...(groups.get(name) ?? []), outcome]);
  }
  return [...groups].map(([group, list]) => ({ group, scores: score(list) }));
}
