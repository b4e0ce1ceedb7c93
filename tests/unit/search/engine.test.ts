import { describe, expect, it } from 'vitest';
import { createSearchEngine, type PagefindApi, type PagefindResult } from '../../../src/lib/search/engine.ts';
import { FILLER, TITLE_SLOT, tokenize } from '../../../src/lib/search/tokens.ts';
import { BUNDLE_FILTER, bundleSortValues, compareSortValues } from '../../../src/lib/search/sort-values.ts';

/** A page of the stand-in index; pages of different bundles may share an id, as in Pagefind's merged search. */
interface FakePage {
  id: string;
  text: string;
  url?: string;
  filters?: Record<string, string[]>;
  /** Sort values by key, e.g. `{ date: '2021-06' }`. */
  sort?: Record<string, string>;
  /** The bundle the page is indexed in (sorted searches rank pages within their bundle, as Pagefind does). */
  bundle?: string;
}

/**
 * A stand-in for Pagefind's search over pages given as token lists: a plain
 * term finds every indexed word it begins, or where none does, the longest
 * indexed word that begins the term (pagefind_web's find_word_extensions); a
 * result's words are the positions of the words found. Punctuation and
 * markers take a position but are not words, as in Pagefind.
 */
function fakePagefind(texts: Record<string, string> | readonly FakePage[]) {
  const given: readonly FakePage[] = Array.isArray(texts) ? texts : Object.entries(texts).map(([id, text]) => ({ id, text }));
  const pages = given.map((page) => ({ ...page, tokens: [...Array<string>(TITLE_SLOT).fill(FILLER), ...tokenize(page.text)] }));
  const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
  const vocabulary = new Set(pages.flatMap((page) => page.tokens.filter(isWord)));
  const searches: string[] = [];
  const result = (page: FakePage, words: number[]): PagefindResult => ({
    id: page.id,
    score: 1,
    words,
    data: async () => ({ url: page.url ?? `/${page.id}/`, content: '', meta: {}, filters: page.filters ?? {}, anchors: [] }),
  });
  // Filters as Pagefind applies them: each facet's value must be among the page's.
  const passes = (page: FakePage, filters: Record<string, unknown> = {}) =>
    Object.entries(filters).every(([facet, value]) => (page.filters?.[facet] ?? []).includes(value as string));
  const countsOf = (list: readonly FakePage[]) => {
    const counts: Record<string, Record<string, number>> = {};
    for (const page of list) {
      for (const [facet, values] of Object.entries(page.filters ?? {})) for (const value of values) (counts[facet] ??= {})[value] = (counts[facet][value] ?? 0) + 1;
    }
    return counts;
  };
  const api: PagefindApi = {
    async search(term, options) {
      const { filters, sort } = (options ?? {}) as { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> };
      const candidates = pages.filter((page) => passes(page, filters));
      const [sortKey, direction] = Object.entries(sort ?? {})[0] ?? [];
      if (term === null && sortKey) {
        // Pagefind: each result scored by its page's position in its own bundle's order, all bundles' results by score.
        const position = (page: (typeof pages)[number]) =>
          pages
            .filter((other) => other.bundle === page.bundle && other.sort?.[sortKey] !== undefined)
            .sort((a, b) => compareSortValues(a.sort![sortKey]!, b.sort![sortKey]!))
            .indexOf(page);
        const results = candidates
          .filter((page) => page.sort?.[sortKey] !== undefined)
          .map((page) => ({ ...result(page, []), score: direction === 'asc' ? -position(page) : position(page) }))
          .sort((a, b) => b.score - a.score);
        return { results, filters: {} };
      }
      if (term === null) return { results: candidates.map((page) => result(page, [])), filters: countsOf(candidates) };
      searches.push(term);
      let found = [...vocabulary].filter((word) => word.startsWith(term));
      if (found.length === 0) found = [...vocabulary].filter((word) => term.startsWith(word)).sort((a, b) => b.length - a.length).slice(0, 1);
      const results = candidates
        .map((page) => result(page, page.tokens.flatMap((token, i) => (found.includes(token) ? [i] : []))))
        .filter((r) => r.words.length > 0);
      return { results, filters: {} };
    },
    async filters() {
      return countsOf(pages);
    },
  };
  return { api, searches };
}

describe('search engine', () => {
  const texts = {
    a: '人大代表联络站设在街道。',
    b: '人大，代表大会的代表。',
    c: '人，才是根本。2023年度报告',
  };

  it('looks up each token of a phrase with one search and keeps pages where they stand in order', async () => {
    const { api, searches } = fakePagefind(texts);
    const engine = createSearchEngine(api, (text) => text);
    const outcome = await engine.search({ query: '人大代表' });
    expect(outcome.hits.map((hit) => hit.id)).toEqual(['a']);
    expect(searches).toEqual(tokenize('人大代表'));
    expect((await engine.search({ query: '2023年' })).hits.map((hit) => hit.id)).toEqual(['c']);
  });

  it('finds nothing for a pair that occurs nowhere, though its first character is indexed alone', async () => {
    const { api } = fakePagefind(texts);
    const engine = createSearchEngine(api, (text) => text);
    const outcome = await engine.search({ query: '人猫' });
    expect(outcome.hits).toEqual([]);
    expect(outcome.missing).toEqual(['人猫']);
  });

  describe('pages of different bundles with the same Pagefind id', () => {
    // Two bundles each gave a page the id und_2320b49, as two shards did at 30,000 documents.
    const pages: FakePage[] = [
      { id: 'und_2320b49', url: '/documents/a/', text: '人大代表联络站', filters: { region: ['北京'] }, sort: { date: '2001' } },
      { id: 'und_2320b49', url: '/documents/b/', text: '大代表人大常委会', filters: { region: ['上海'] }, sort: { date: '2002' } },
      { id: 'und_0000001', url: '/documents/c/', text: '人大代表大会', filters: { region: ['上海'] }, sort: { date: '2003' } },
    ];

    it('are told apart by URL when the build lists the id as shared', async () => {
      const { api } = fakePagefind(pages);
      const engine = createSearchEngine(api, (text) => text, { sharedIds: ['und_2320b49'] });
      const both = await engine.search({ query: '代表' });
      expect(both.hits.map((hit) => hit.id).sort()).toEqual(['und_0000001', 'und_2320b49@/documents/a/', 'und_2320b49@/documents/b/']);
      // Page b holds every token of the phrase, but not in its order; page a holds the phrase.
      const phrase = await engine.search({ query: '人大代表' });
      expect(phrase.hits.map((hit) => hit.id).sort()).toEqual(['und_0000001', 'und_2320b49@/documents/a/']);
      expect((await phrase.hits.find((hit) => hit.id.includes('@'))!.result.data()).url).toBe('/documents/a/');
      expect((await engine.search({ query: '常委会' })).hits.map((hit) => hit.id)).toEqual(['und_2320b49@/documents/b/']);
    });

    // One bundle here (no bundle given): Pagefind's sorted order is the engine's.
    it('count in the facets and sort orders once each', async () => {
      const { api } = fakePagefind(pages);
      const engine = createSearchEngine(api, (text) => text, { sharedIds: ['und_2320b49'] });
      const outcome = await engine.search({ query: '人大' });
      expect(outcome.hits).toHaveLength(3);
      expect(await outcome.counts()).toEqual({ region: { 北京: 1, 上海: 2 } });
      const sorted = await engine.search({ query: '人大', sort: { date: 'desc' } });
      expect(sorted.hits.map((hit) => hit.id)).toEqual(['und_0000001', 'und_2320b49@/documents/b/', 'und_2320b49@/documents/a/']);
      const browse = await engine.search({ query: '' });
      expect(browse.hits.map((hit) => hit.id)).toEqual(['und_2320b49@/documents/a/', 'und_2320b49@/documents/b/', 'und_0000001']);
    });

    it('are an error, not one page lost, when the build did not list the id', async () => {
      const { api } = fakePagefind(pages);
      const engine = createSearchEngine(api, (text) => text);
      await expect(engine.search({ query: '代表' })).rejects.toThrow(/share the Pagefind id und_2320b49/);
    });

    it('are an error when one page comes back twice, as from a bundle merged twice', async () => {
      const { api } = fakePagefind([...pages, pages[0]!]);
      const engine = createSearchEngine(api, (text) => text, { sharedIds: ['und_2320b49'] });
      await expect(engine.search({ query: '代表' })).rejects.toThrow('the page /documents/a/ (Pagefind id und_2320b49) is in two of the merged bundles');
    });
  });

  describe('a sorted search over several bundles', () => {
    // Two partitions, old and new documents, as a hub merges them; 0000 is an undated document's value.
    const dated = (id: string, bundle: string, date: string): FakePage => ({
      id,
      bundle,
      text: `人大代表${id}`,
      sort: { date },
      filters: { [BUNDLE_FILTER]: [bundle] },
    });
    const pages = [
      dated('old1', '/pagefind-old/', '2001-05'),
      dated('old2', '/pagefind-old/', '2003'),
      dated('old3', '/pagefind-old/', '0000'),
      dated('new1', '/pagefind-new/', '2021-06-16'),
      dated('new2', '/pagefind-new/', '2023-01-02'),
    ];
    const bundles = {
      filter: BUNDLE_FILTER,
      paths: ['/pagefind-old/', '/pagefind-new/'],
      sortValues: async (path: string) => bundleSortValues(pages.filter((page) => page.bundle === path).map((page) => [`date:${page.sort!.date}`])),
      last: '0000',
    };

    it('orders the pages of every bundle by value, undated last in either direction', async () => {
      const { api } = fakePagefind(pages);
      // Pagefind alone interleaves the bundles by position.
      expect((await createSearchEngine(api, (text) => text).search({ query: '人大代表', sort: { date: 'desc' } })).hits.map((hit) => hit.id)).toEqual(['old2', 'old1', 'new2', 'old3', 'new1']);
      const engine = createSearchEngine(api, (text) => text, { bundles });
      expect((await engine.search({ query: '人大代表', sort: { date: 'desc' } })).hits.map((hit) => hit.id)).toEqual(['new2', 'new1', 'old2', 'old1', 'old3']);
      expect((await engine.search({ query: '人大代表', sort: { date: 'asc' } })).hits.map((hit) => hit.id)).toEqual(['old1', 'old2', 'new1', 'new2', 'old3']);
      // Browsing without a query is ordered the same way.
      expect((await engine.search({ query: '', sort: { date: 'desc' } })).hits.map((hit) => hit.id)).toEqual(['new2', 'new1', 'old2', 'old1', 'old3']);
    });

    it('reads a value by the page\'s position in its whole bundle, not among the results a filter leaves', async () => {
      // The filter drops old3, first in its bundle's order: old1 is still at position 1 (2001-05), though first of its bundle's results.
      const { api } = fakePagefind(pages.map((page) => ({ ...page, filters: { ...page.filters, kind: [page.id === 'old3' ? 'b' : 'a'] } })));
      const engine = createSearchEngine(api, (text) => text, { bundles });
      const filters = { kind: 'a' };
      expect((await engine.search({ query: '人大代表', filters, sort: { date: 'asc' } })).hits.map((hit) => hit.id)).toEqual(['old1', 'old2', 'new1', 'new2']);
      expect((await engine.search({ query: '', filters, sort: { date: 'desc' } })).hits.map((hit) => hit.id)).toEqual(['new2', 'new1', 'old2', 'old1']);
    });

    it('does not count the bundle filter as a facet', async () => {
      const { api } = fakePagefind(pages);
      const engine = createSearchEngine(api, (text) => text, { bundles });
      const outcome = await engine.search({ query: '人大代表' });
      // Every page carries the bundle filter; its counts are not the reader's facets.
      expect(await outcome.counts()).toEqual({});
      expect(await (await engine.search({ query: '' })).counts()).toEqual({});
    });

    it('is an error when a bundle has no value at a page\'s position', async () => {
      const { api } = fakePagefind(pages);
      const engine = createSearchEngine(api, (text) => text, { bundles: { ...bundles, sortValues: async () => ({ date: [] }) } });
      await expect(engine.search({ query: '人大代表', sort: { date: 'desc' } })).rejects.toThrow(/no date sort value for page/);
    });
  });
});
