/**
 * Wenyuan's search on top of Pagefind's JS API, shared by the search page and
 * the evaluation harness. Pagefind finds the pages that hold each token of a
 * query; this module keeps only pages where a phrase's tokens stand at
 * consecutive positions (exact phrase match, Traditional and Simplified alike),
 * ranks title matches first and then by how often the phrases occur, corrects
 * facet counts for the pages it dropped, and builds excerpts in plain text
 * with the whole phrase highlighted and a link to the nearest anchor.
 */
import { parseQuery, patternStarts, type Phrase } from './query.ts';
import { decodeTokens, isBigram, TITLE_SLOT } from './tokens.ts';

/** Filter counts as Pagefind reports them: facet → value → count. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The parts of Pagefind's fragment this module reads. */
export interface PagefindFragment {
  url: string;
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
  /** Facet counts for exactly these hits. */
  counts: FilterCounts;
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function positionsByPage(results: readonly PagefindResult[]): Map<string, Set<number>> {
  return new Map(results.map((result) => [result.id, new Set(result.words)]));
}

/** Creates the search function for a loaded Pagefind and a normaliser. */
export function createSearchEngine(pagefind: PagefindApi, normalize: (text: string) => string) {
  const tokenCache = new Map<string, Promise<Map<string, Set<number>>>>();

  async function tokenPositions(token: string, filters: object): Promise<Map<string, Set<number>>> {
    const key = `${token}\u0000${JSON.stringify(filters)}`;
    let cached = tokenCache.get(key);
    if (!cached) {
      cached = pagefind.search(token, { filters }).then((found) => positionsByPage(found?.results ?? []));
      tokenCache.set(key, cached);
    }
    return cached;
  }

  async function search(request: SearchRequest): Promise<SearchOutcome> {
    const filters = request.filters ?? {};
    const phrases = parseQuery(request.query, normalize);
    if (phrases.length === 0) {
      const all = await pagefind.search(null, { filters, sort: request.sort });
      return {
        phrases,
        hits: (all?.results ?? []).map((result) => ({ id: result.id, inTitle: false, frequency: 0, result })),
        counts: all?.filters ?? {},
        missing: [],
      };
    }

    // Where each phrase occurs, page by page.
    const occurrences = new Map<string, { inTitle: boolean; frequency: number; position?: number; phrase?: Phrase }>();
    const missing: string[] = [];
    let candidates: Set<string> | undefined;
    for (const phrase of phrases) {
      const perToken = await Promise.all(phrase.tokens.map((token) => tokenPositions(token, filters)));
      const pages = [...perToken[0]!.keys()].filter((page) => perToken.every((map) => map.has(page)));
      const found = new Set<string>();
      for (const page of pages) {
        const starts = patternStarts(perToken.map((map) => map.get(page)!), phrase.offsets);
        if (starts.length === 0) continue;
        found.add(page);
        const entry = occurrences.get(page) ?? { inTitle: false, frequency: 0 };
        entry.inTitle ||= starts[0]! < TITLE_SLOT;
        entry.frequency += starts.length;
        const inBody = starts.find((start) => start >= TITLE_SLOT);
        if (entry.position === undefined || (entry.position < TITLE_SLOT && inBody !== undefined)) {
          entry.position = inBody ?? starts[0];
          entry.phrase = phrase;
        }
        occurrences.set(page, entry);
      }
      if (found.size === 0 && Object.keys(filters).length === 0) missing.push(phrase.text);
      candidates = candidates ? new Set([...candidates].filter((page) => found.has(page))) : found;
    }
    const verified = candidates ?? new Set<string>();

    // Pagefind's own search over all tokens gives facet counts and date order
    // for a superset of the verified pages; pages it holds that fail the phrase
    // check are taken out of the counts.
    const allTokens = [...new Set(phrases.flatMap((phrase) => phrase.tokens))];
    const combined = await pagefind.search(allTokens.join(' '), { filters, sort: request.sort });
    const counts: FilterCounts = structuredClone(combined?.filters ?? {});
    const extra = (combined?.results ?? []).filter((result) => !verified.has(result.id));
    for (const fragment of await Promise.all(extra.map((result) => result.data()))) {
      for (const [facet, values] of Object.entries(fragment.filters)) {
        for (const value of values) if (counts[facet]?.[value]) counts[facet]![value]! -= 1;
      }
    }

    let hits: SearchHit[] = (combined?.results ?? [])
      .filter((result) => verified.has(result.id))
      .map((result) => ({ id: result.id, result, ...occurrences.get(result.id)! }));
    if (!request.sort) {
      hits = hits.sort(
        (a, b) => Number(b.inTitle) - Number(a.inTitle) || b.frequency - a.frequency || b.result.score - a.result.score || (a.id < b.id ? -1 : 1),
      );
    }
    return { phrases, hits, counts, missing };
  }

  /** Loads what a hit shows: title, meta, excerpt and the link (with anchor and highlight). */
  async function show(hit: SearchHit, phrases: readonly Phrase[], context = 24): Promise<ShownHit> {
    const fragment = await hit.result.data();
    const tokens = fragment.content.split(/\s+/);
    const position = hit.position ?? TITLE_SLOT;
    let start = hit.phrase ? position - hit.phrase.lead : position;
    // A one-character phrase may have matched a bigram it begins; its own token stands just before.
    if (tokens[start] !== undefined && isBigram(tokens[start]!.replace(/\.$/, ''))) start -= 1;
    const end = hit.phrase ? start + hit.phrase.width : start;
    const from = Math.max(start < TITLE_SLOT ? 0 : TITLE_SLOT, start - context);
    const before = decodeTokens(tokens.slice(from, start));
    const match = decodeTokens(tokens.slice(start, end)).trim();
    const after = decodeTokens(tokens.slice(end, end + context * 3));
    const excerptHtml = `${from > TITLE_SLOT ? '…' : ''}${escapeHtml(before)}${match ? `<mark>${escapeHtml(match)}</mark>` : ''}${escapeHtml(after)}…`;

    const target =
      hit.position !== undefined && hit.position >= TITLE_SLOT
        ? fragment.anchors.filter((a) => a.location <= hit.position! && a.id).at(-1)
        : undefined;
    const anchor = target?.id;
    // Article ids read well as they are (第九条); other anchors are named by their heading's words.
    const label = target && (/^第/.test(target.id) || !target.text ? target.id : decodeTokens(target.text.split(/\s+/)).slice(0, 24));
    const highlight = phrases.map((phrase) => `highlight=${encodeURIComponent(phrase.text)}`).join('&');
    const url = `${fragment.url.split('#')[0]!.split('?')[0]}${highlight ? `?${highlight}` : ''}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
    return { url, title: fragment.meta.title ?? fragment.url, meta: fragment.meta, excerptHtml, anchor, anchorLabel: label };
  }

  return { search, show };
}
