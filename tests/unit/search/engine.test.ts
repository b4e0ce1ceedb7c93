import { describe, expect, it } from 'vitest';
import { createSearchEngine, type PagefindApi, type PagefindResult } from '../../../src/lib/search/engine.ts';
import { FILLER, TITLE_SLOT, tokenize } from '../../../src/lib/search/tokens.ts';

/**
 * A stand-in for Pagefind's search over pages given as token lists: a plain
 * term finds every indexed word it begins, or where none does, the longest
 * indexed word that begins the term (pagefind_web's find_word_extensions); a
 * result's words are the positions of the words found. Punctuation and
 * markers take a position but are not words, as in Pagefind.
 */
function fakePagefind(texts: Record<string, string>) {
  const pages = Object.entries(texts).map(([id, text]) => ({ id, tokens: [...Array<string>(TITLE_SLOT).fill(FILLER), ...tokenize(text)] }));
  const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
  const vocabulary = new Set(pages.flatMap((page) => page.tokens.filter(isWord)));
  const searches: string[] = [];
  const result = (id: string, words: number[]): PagefindResult => ({ id, score: 1, words, data: async () => ({ url: `/${id}/`, content: '', meta: {}, filters: {}, anchors: [] }) });
  const api: PagefindApi = {
    async search(term) {
      if (term === null) return { results: pages.map((page) => result(page.id, [])), filters: {} };
      searches.push(term);
      let found = [...vocabulary].filter((word) => word.startsWith(term));
      if (found.length === 0) found = [...vocabulary].filter((word) => term.startsWith(word)).sort((a, b) => b.length - a.length).slice(0, 1);
      const results = pages
        .map((page) => result(page.id, page.tokens.flatMap((token, i) => (found.includes(token) ? [i] : []))))
        .filter((r) => r.words.length > 0);
      return { results, filters: {} };
    },
    async filters() {
      return {};
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
});
