/**
 * Wenyuan's search on top of Pagefind's JS API, shared by the search page and
 * the evaluation harness. Pagefind finds the pages that hold each token of a
 * query (as exact words); this module keeps only pages where a phrase's
 * tokens stand at their distances (exact phrase match, Traditional and
 * Simplified alike), ranks title matches first and then by how often the
 * phrases occur (or by date), counts facets over exactly those pages, and
 * builds excerpts in plain text with the whole phrase highlighted and a link
 * to the nearest anchor.
 */
import { parseQuery, patternStarts, type Phrase } from './query.ts';
import { CHARACTERS_MARK, decodeText, decodeTokens, endsBlock, TITLE_SLOT, type DecodedText } from './tokens.ts';
import { escapeHtml } from './index-html.ts';
import { compareSortValues } from './sort-values.ts';

/** Filter counts as Pagefind reports them: facet → value → count. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The parts of Pagefind's fragment this module reads. */
export interface PagefindFragment {
  url: string;
  /** The URL as indexed, before Pagefind adds its base URL or highlight parameter (set on what `data()` returns). */
  raw_url?: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: Array<{ element: string; id: string; location: number; text?: string }>;
}

/** The parts of a Pagefind result this module reads. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindFragment>;
}

/** The parts of Pagefind's API this module calls. */
export interface PagefindApi {
  search: (term: string | null, options?: object) => Promise<{ results: PagefindResult[]; filters: FilterCounts } | null>;
  filters: () => Promise<FilterCounts>;
}

/** A search as the page asks for it. */
export interface SearchRequest {
  query: string;
  /** Pagefind filter object, e.g. `{ type: { any: ['rule'] } }`. */
  filters?: Record<string, unknown>;
  /** Pagefind sort object, e.g. `{ date: 'desc' }`; relevance when absent. */
  sort?: Record<string, 'asc' | 'desc'>;
}

/** One page that matches every phrase of the query. */
export interface SearchHit {
  /** The page's key: its Pagefind id, or for an id several bundles hold, {@link sharedPageKey}. */
  id: string;
  /** True when some phrase occurs in the title. */
  inTitle: boolean;
  /** How many times the phrases occur in the page (title included). */
  frequency: number;
  /** Start position of the occurrence to show (the first in the body, else in the title). */
  position?: number;
  /** The phrase shown at `position`. */
  phrase?: Phrase;
  result: PagefindResult;
}

/** What a search found. */
export interface SearchOutcome {
  phrases: Phrase[];
  hits: SearchHit[];
  /**
   * Facet counts for exactly these hits, on demand: the first call reads
   * every page's facet values (one filter-only search per value: 332 values,
   * about 1 s at 10,000 documents), so the page shows the results first.
   */
  counts: () => Promise<FilterCounts>;
  /** Phrases that occur in no page at all (said to the reader, never silently dropped). */
  missing: string[];
}

/** A hit ready to show. */
export interface ShownHit {
  url: string;
  title: string;
  meta: Record<string, string>;
  /** Excerpt as HTML: escaped text with the phrase in one `<mark>`. */
  excerptHtml: string;
  /** The anchor the link points at (e.g. 第九条), when the match is in the body after one. */
  anchor?: string;
  /** How to name that anchor to a reader: 第九条, or a heading's words. */
  anchorLabel?: string;
}

/** A page's URL path as a fragment gives it, without query or anchor. */
export function pagePath(url: string): string {
  return url.split('#')[0]!.split('?')[0]!;
}

/**
 * The key of a page whose Pagefind id another bundle's page also has: the id
 * with the page's path. Pagefind names a page by 7 hex digits of its
 * fragment's hash, unique only within one bundle; an archive indexed as
 * several bundles (shards, partitions) has about n²/(2·16⁷) ids shared by
 * two pages (two at 30,000 documents), which the build lists (shared-ids.ts).
 */
export function sharedPageKey(id: string, url: string): string {
  return `${id}@${pagePath(url)}`;
}

/** The merged bundles, as a sorted search needs them (sort-values.ts). */
export interface LoadedBundles {
  /** The synthetic filter each loaded bundle was merged with (Pagefind's mergeFilter), its value the bundle's path. */
  filter: string;
  /** The loaded bundles' paths. */
  paths: readonly string[];
  /** A bundle's sort values per key, in the order Pagefind ranks its pages. */
  sortValues: (path: string) => Promise<Record<string, string[]>>;
  /** A sort value that goes last in either direction (undated documents'). */
  last?: string;
}

/** What the engine knows of the index beyond Pagefind's API. */
export interface EngineOptions {
  /**
   * Page ids held by more than one bundle (the search settings' `sharedIds`):
   * their pages are told apart by URL, every other page by its id alone.
   */
  sharedIds?: Iterable<string>;
  /** The merged bundles; without them a sorted search keeps Pagefind's order, right for one bundle only. */
  bundles?: LoadedBundles;
}

/** A sorted filter-only search: each page's rank, its result, and the filter counts. */
interface SortedPages {
  ranks: ReadonlyMap<string, number>;
  results: ReadonlyMap<string, PagefindResult>;
  filters: FilterCounts;
}

/** Orders hits by their rank in `order`; pages without one (no sort value) go last, in the order they came. */
function byRank(order: ReadonlyMap<string, number>): (a: SearchHit, b: SearchHit) => number {
  return (a, b) => {
    const [x, y] = [order.get(a.id), order.get(b.id)];
    return x === undefined || y === undefined ? Number(x === undefined) - Number(y === undefined) : x - y;
  };
}

/** Creates the search function for a loaded Pagefind and a normaliser. */
export function createSearchEngine(pagefind: PagefindApi, normalize: (text: string) => string, options: EngineOptions = {}) {
  const shared = new Set(options.sharedIds ?? []);
  const bundles = options.bundles;
  let bundleMembership: Promise<Map<string, string>> | undefined;
  const tokenCache = new Map<string, Promise<Map<string, PagefindResult>>>();
  const orderCache = new Map<string, Promise<SortedPages>>();
  let membership: Promise<Map<string, Array<[string, string]>>> | undefined;

  /**
   * Results by the key that names their page in every search: its id, or for
   * a shared id the id and URL (one fragment load). Pagefind's merged search
   * returns the pages of every bundle side by side, so an id seen twice that
   * the build did not list as shared would lose a page: that is an error,
   * never a silent merge.
   */
  async function byKey(results: readonly PagefindResult[]): Promise<Map<string, PagefindResult>> {
    const paths = new Map(
      await Promise.all(
        results
          .filter((result) => shared.has(result.id))
          .map(async (result): Promise<[PagefindResult, string]> => {
            const fragment = await result.data();
            return [result, fragment.raw_url ?? fragment.url];
          }),
      ),
    );
    const keyed = new Map<string, PagefindResult>();
    for (const result of results) {
      const url = paths.get(result);
      const key = url === undefined ? result.id : sharedPageKey(result.id, url);
      if (keyed.has(key)) {
        throw new Error(
          url === undefined
            ? `two indexed pages share the Pagefind id ${result.id}, which the search settings do not list as shared (sharedIds): rebuild the index`
            : `the page ${url} (Pagefind id ${result.id}) is in two of the merged bundles: rebuild the index`,
        );
      }
      keyed.set(key, result);
    }
    return keyed;
  }

  /**
   * Pages holding one token, with all its positions. Pagefind expands a
   * looked-up word to the words it begins (or, failing that, to the longest
   * word that begins it); no token begins another (tokens.ts), so a plain
   * search returns exactly the pages holding the token.
   */
  function tokenResults(token: string, filters: object): Promise<Map<string, PagefindResult>> {
    const key = `${token}\u0000${JSON.stringify(filters)}`;
    let cached = tokenCache.get(key);
    if (!cached) {
      cached = pagefind.search(token, { filters }).then((found) => byKey(found?.results ?? []));
      tokenCache.set(key, cached);
    }
    return cached;
  }

  /** Filter counts without the bundles' synthetic filter, which is no facet of the reader's. */
  function withoutBundleFacet(counts: FilterCounts): FilterCounts {
    if (!bundles) return counts;
    const { [bundles.filter]: _bundles, ...facets } = counts;
    return facets;
  }

  /** Each page's bundle, from one filter-only search per loaded bundle on its synthetic filter, asked once. */
  function bundleOf(loaded: LoadedBundles): Promise<Map<string, string>> {
    bundleMembership ??= (async () => {
      const where = new Map<string, string>();
      const found = await Promise.all(loaded.paths.map(async (path) => [path, await byKey((await pagefind.search(null, { filters: { [loaded.filter]: path } }))?.results ?? [])] as const));
      for (const [path, pages] of found) for (const page of pages.keys()) where.set(page, path);
      return where;
    })();
    return bundleMembership;
  }

  /**
   * Rank of every page in a sort order (date), under filters; asked once per
   * combination. Pagefind scores a sorted search's result by the page's
   * position in its own bundle's order (negated when ascending), so with
   * several bundles each result's value is read from its bundle's sort
   * values at that position, and the pages are ordered by value, then by key.
   */
  function sortOrder(filters: object, sort: Record<string, 'asc' | 'desc'>): Promise<SortedPages> {
    const cacheKey = JSON.stringify([filters, sort]);
    let cached = orderCache.get(cacheKey);
    if (!cached) {
      cached = (async () => {
        const found = await pagefind.search(null, { filters, sort });
        const keyed = await byKey(found?.results ?? []);
        const sorted = (pages: Iterable<string>): SortedPages => ({ ranks: new Map([...pages].map((page, rank) => [page, rank])), results: keyed, filters: found?.filters ?? {} });
        const [sortKey, direction] = Object.entries(sort)[0] ?? [];
        if (!bundles || !sortKey) return sorted(keyed.keys());
        const where = await bundleOf(bundles);
        const values = new Map(await Promise.all(bundles.paths.map(async (path) => [path, (await bundles.sortValues(path))[sortKey] ?? []] as const)));
        const valued = [...keyed].map(([page, result]) => {
          const bundle = where.get(page);
          const position = Math.abs(result.score);
          if (!Number.isInteger(position)) throw new Error(`Pagefind scored the sorted result ${page} ${result.score}, not a position in its bundle's order (indexWeight set, or another Pagefind version?)`);
          const value = bundle === undefined ? undefined : values.get(bundle)?.[position];
          if (value === undefined) throw new Error(`no ${sortKey} sort value for page ${page} (bundle ${bundle ?? 'unknown'}, position ${position}): rebuild the index`);
          return { page, value };
        });
        const sign = direction === 'desc' ? -1 : 1;
        valued.sort(
          (a, b) =>
            Number(a.value === bundles.last) - Number(b.value === bundles.last) ||
            sign * compareSortValues(a.value, b.value) ||
            (a.page < b.page ? -1 : a.page > b.page ? 1 : 0),
        );
        return sorted(valued.map(({ page }) => page));
      })();
      orderCache.set(cacheKey, cached);
    }
    return cached;
  }

  /** Every page's facet values, from one filter-only search per value, asked once. */
  function facetMembership(): Promise<Map<string, Array<[string, string]>>> {
    membership ??= (async () => {
      const pages = new Map<string, Array<[string, string]>>();
      const all = await pagefind.filters();
      for (const [facet, values] of Object.entries(all)) {
        if (facet === bundles?.filter) continue;
        for (const value of Object.keys(values)) {
          const found = await pagefind.search(null, { filters: { [facet]: value } });
          for (const key of (await byKey(found?.results ?? [])).keys()) {
            const list = pages.get(key);
            if (list) list.push([facet, value]);
            else pages.set(key, [[facet, value]]);
          }
        }
      }
      return pages;
    })();
    return membership;
  }

  async function search(request: SearchRequest): Promise<SearchOutcome> {
    const filters = request.filters ?? {};
    const phrases = parseQuery(request.query, normalize);
    if (phrases.length === 0) {
      // Browsing: every page the filters leave, in the sort order if one is asked.
      const { results, ranks, filters: counted } = request.sort
        ? await sortOrder(filters, request.sort)
        : await pagefind.search(null, { filters }).then(async (all) => ({ results: await byKey(all?.results ?? []), ranks: undefined, filters: all?.filters ?? {} }));
      const hits: SearchHit[] = [...results].map(([key, result]) => ({ id: key, inTitle: false, frequency: 0, result }));
      if (ranks) hits.sort(byRank(ranks));
      return { phrases, hits, counts: async () => withoutBundleFacet(counted), missing: [] };
    }

    // Where each phrase occurs, page by page; a page must hold every phrase.
    const found = new Map<string, { inTitle: boolean; frequency: number; position?: number; phrase?: Phrase; result: PagefindResult }>();
    const missing: string[] = [];
    let verified: Set<string> | undefined;
    for (const phrase of phrases) {
      const perToken = await Promise.all(phrase.tokens.map((token) => tokenResults(token, filters)));
      const holding = new Set<string>();
      for (const [page, first] of perToken[0]!) {
        if (!perToken.every((map) => map.has(page))) continue;
        const starts = patternStarts(perToken.map((map) => new Set(map.get(page)!.words)), phrase.offsets);
        if (starts.length === 0) continue;
        holding.add(page);
        const entry = found.get(page) ?? { inTitle: false, frequency: 0, result: first };
        entry.inTitle ||= starts[0]! < TITLE_SLOT;
        // A single character is listed once per page: it counts as present, not by occurrences.
        entry.frequency += phrase.single ? 1 : starts.length;
        const inBody = starts.find((start) => start >= TITLE_SLOT);
        if (entry.position === undefined || (entry.position < TITLE_SLOT && inBody !== undefined)) {
          entry.position = inBody ?? starts[0];
          entry.phrase = phrase;
        }
        found.set(page, entry);
      }
      if (holding.size === 0 && Object.keys(filters).length === 0) missing.push(phrase.text);
      verified = verified ? new Set([...verified].filter((page) => holding.has(page))) : holding;
    }
    const pages = [...(verified ?? [])];

    let counted: Promise<FilterCounts> | undefined;
    const counts = () =>
      (counted ??= facetMembership().then((members) => {
        const out: FilterCounts = {};
        for (const page of pages) {
          for (const [facet, value] of members.get(page) ?? []) {
            const facetCounts = (out[facet] ??= {});
            facetCounts[value] = (facetCounts[value] ?? 0) + 1;
          }
        }
        return out;
      }));

    let hits: SearchHit[] = pages.map((page) => ({ id: page, ...found.get(page)! }));
    if (request.sort) {
      const { ranks: order } = await sortOrder(filters, request.sort);
      hits.sort(byRank(order));
    } else {
      hits = hits.sort(
        // Ties go by page key, not Pagefind's score: the score depends on each shard's statistics,
        // so it would order the same pages differently in a single build and in partitions. (Two
        // pages whose id is shared in one layout but not in another, where Pagefind lengthens one
        // of them, may still swap places between the layouts.)
        (a, b) => Number(b.inTitle) - Number(a.inTitle) || b.frequency - a.frequency || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    }
    return { phrases, hits, counts, missing };
  }

  /** Loads what a hit shows: title, meta, excerpt and the link (with anchor and highlight). */
  async function show(hit: SearchHit, phrases: readonly Phrase[], context = 12): Promise<ShownHit> {
    const fragment = await hit.result.data();
    const tokens = fragment.content.split(/\s+/);
    // The title's tokens end at its character list; the body's at the page's.
    const titleMark = tokens.indexOf(CHARACTERS_MARK);
    const title: [number, number] = [0, titleMark >= 0 && titleMark < TITLE_SLOT ? titleMark : Math.min(TITLE_SLOT, tokens.length)];
    const bodyMark = tokens.lastIndexOf(CHARACTERS_MARK);
    const body: [number, number] = [Math.min(TITLE_SLOT, tokens.length), bodyMark >= TITLE_SLOT ? bodyMark : tokens.length];

    // Each region is decoded at most once.
    const decodedRegions = new Map<[number, number], DecodedText>();
    const decodedOf = (region: [number, number]) => {
      let decoded = decodedRegions.get(region);
      if (!decoded) decodedRegions.set(region, (decoded = decodeText(tokens.slice(...region))));
      return decoded;
    };

    const phrase = hit.phrase;
    let position = hit.position ?? TITLE_SLOT;
    let region = position < TITLE_SLOT ? title : body;
    let match: [number, number] | undefined;
    if (phrase?.single) {
      // A single character is found page by page: show its first occurrence, in the body if it is there.
      let offset = decodedOf(body).text.indexOf(phrase.text);
      region = body;
      if (offset < 0) {
        region = title;
        offset = decodedOf(title).text.indexOf(phrase.text);
      }
      if (offset >= 0) {
        const decoded = decodedOf(region);
        const index = decoded.spans.findIndex(([start, end]) => start <= offset && offset < end);
        position = region[0] + Math.max(0, index);
        match = [offset, offset + phrase.text.length];
      }
    } else if (phrase) {
      const decoded = decodedOf(region);
      const first = decoded.spans[position - phrase.lead - region[0]];
      const last = decoded.spans[position - phrase.lead - region[0] + phrase.width - 1];
      if (first && last) match = [first[0], last[1]];
    }
    const decoded = decodedOf(region);
    const [matchStart, matchEnd] = match ?? [0, 0];
    const from = Math.max(0, matchStart - context);
    const before = decoded.text.slice(from, matchStart);
    const matched = decoded.text.slice(matchStart, matchEnd);
    const after = decoded.text.slice(matchEnd, matchEnd + context * 3);
    const excerptHtml = `${region === body && from > 0 ? '…' : ''}${escapeHtml(before)}${matched ? `<mark>${escapeHtml(matched)}</mark>` : ''}${escapeHtml(after)}…`;

    const target = region === body ? fragment.anchors.filter((a) => a.location <= position && a.id).at(-1) : undefined;
    const anchor = target?.id;
    // Article ids read well as they are (第九条); other anchors are named by the words of the block they start.
    let label = target?.id;
    if (target && !/^第/.test(target.id)) {
      const blockEnd = tokens.findIndex((token, i) => i >= target.location && endsBlock(token));
      const words = decodeTokens(tokens.slice(target.location, blockEnd < 0 ? undefined : blockEnd + 1)).trim();
      if (words) label = words.length > 24 ? `${words.slice(0, 24)}…` : words;
    }
    const highlight = phrases.map((p) => `highlight=${encodeURIComponent(p.text)}`).join('&');
    const url = `${pagePath(fragment.url)}${highlight ? `?${highlight}` : ''}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
    return { url, title: fragment.meta.title ?? fragment.url, meta: fragment.meta, excerptHtml, anchor, anchorLabel: label };
  }

  return { search, show };
}
