/**
 * The state of a search as it lives in the URL, so a search can be shared and
 * reloaded: `/search/?q=人大代表&type=rule&region=北京市海淀区&sort=date-desc`.
 */
import { FACETS, type Facet } from './facets.ts';

/** How results are ordered. */
export const SORTS = {
  relevance: '按相关度',
  'date-desc': '按日期（新→旧）',
  'date-asc': '按日期（旧→新）',
} as const;

/** A sort order, e.g. `date-desc`. */
export type Sort = keyof typeof SORTS;

/** Everything that determines a search's results. */
export interface SearchState {
  /** The query text, trimmed; empty when browsing by filters alone. */
  q: string;
  /** Selected values per facet; values of one facet are alternatives (OR), facets combine (AND). */
  filters: Partial<Record<Facet, string[]>>;
  sort: Sort;
}

const FACET_NAMES = Object.keys(FACETS) as Facet[];

/** Reads a search state from a URL query string. Unknown parameters are ignored. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const facet of FACET_NAMES) {
    const values = [...new Set(params.getAll(facet).filter((v) => v !== ''))];
    if (values.length > 0) filters[facet] = values;
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort && sort in SORTS ? (sort as Sort) : 'relevance',
  };
}

/** Writes a search state as a query string (with leading `?`, or empty), in a stable order. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACET_NAMES) {
    for (const value of state.filters[facet] ?? []) params.append(facet, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter object: OR within a facet, AND across facets. */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const facet of FACET_NAMES) {
    const values = state.filters[facet];
    if (values?.length) out[facet] = { any: values };
  }
  return out;
}

/** Pagefind's sort object, or undefined for relevance. */
export function toPagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'date-desc') return { date: 'desc' };
  if (sort === 'date-asc') return { date: 'asc' };
  return undefined;
}

/** Returns a copy of the state with one facet value switched on or off. */
export function toggleFilter(state: SearchState, facet: Facet, value: string, on: boolean): SearchState {
  const current = new Set(state.filters[facet] ?? []);
  if (on) current.add(value);
  else current.delete(value);
  const filters = { ...state.filters };
  if (current.size > 0) filters[facet] = [...current];
  else delete filters[facet];
  return { ...state, filters };
}
