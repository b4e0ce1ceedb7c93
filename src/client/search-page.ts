/**
 * The search page in the browser: Pagefind's JS API behind a query box,
 * facet checkboxes with live counts, a sort choice and "load more". The URL
 * always holds the current search (see lib/search-state).
 */
import { FACETS, type Facet } from '../lib/facets.ts';
import {
  parseSearchState,
  serializeSearchState,
  SORTS,
  toggleFilter,
  toPagefindFilters,
  toPagefindSort,
  type SearchState,
  type Sort,
} from '../lib/search-state.ts';
import { DOCUMENT_TYPES } from '../lib/vocabulary.ts';
import { createSearchEngine, type FilterCounts, type PagefindApi, type SearchHit } from '../lib/search/engine.ts';
import { createNormalizer } from '../lib/search/normalize.ts';
import type { Phrase } from '../lib/search/query.ts';
import { SEARCH_SETTINGS_FILE, settingsBundles, type SearchSettings } from '../lib/search/settings.ts';
import { BUNDLE_FILTER, SORT_VALUES_FILE, UNDATED_SORT_VALUE } from '../lib/search/sort-values.ts';
import { partitionsForFilters } from '../lib/partitions.ts';

interface Pagefind extends PagefindApi {
  options: (o: object) => Promise<void>;
  mergeIndex: (path: string, o?: object) => Promise<void>;
  init: () => Promise<void>;
}

/** What the page exposes for the evaluation harness and tests: the very code the page runs. */
declare global {
  interface Window {
    wenyuanSearch?: ReturnType<typeof createSearchEngine>;
  }
}

const PAGE = 10;
/** Facet values shown before the rest fold into 更多. */
const FACET_VISIBLE = 8;
const FACET_ORDER = Object.keys(FACETS) as Facet[];

/** Creates an element with properties (e.g. textContent, className) and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function valueLabel(facet: Facet, value: string): string {
  if (facet === 'type') return DOCUMENT_TYPES[value as keyof typeof DOCUMENT_TYPES] ?? value;
  if (facet === 'year' && /^\d{4}$/.test(value)) return `${value}年`;
  return value;
}

/** Wires the search page; `root` holds the form, facets, status and results. */
export async function startSearchPage(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form.search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('#search-sort')!;
  const facetsBox = root.querySelector<HTMLElement>('#search-facets')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const list = root.querySelector<HTMLOListElement>('#search-results')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;

  for (const [value, label] of Object.entries(SORTS)) sortSelect.append(el('option', { value, textContent: label }));

  const bundle = '/pagefind/pagefind.js';
  const [pagefind, settings] = await Promise.all([
    import(/* @vite-ignore */ bundle) as Promise<Pagefind>,
    // Revalidated on every visit, like Pagefind's own entry file: it must describe the bundles being served.
    fetch(`/pagefind/${SEARCH_SETTINGS_FILE}`, { cache: 'no-cache' }).then((response) => response.json() as Promise<SearchSettings>),
  ]);
  let state: SearchState = parseSearchState(location.search);
  // A partitioned archive loads only the shards of the partitions the
  // filters can match (src/lib/partitions.ts), more when the filters widen.
  const partitions = settings.partitions;
  const bundlesFor = (current: SearchState): string[] => {
    if (!partitions) return settingsBundles(settings);
    const indexed = partitions.filter((partition) => partition.shards.length > 0);
    const fitting = partitionsForFilters(indexed, toPagefindFilters(current));
    // Filters no partition can match still need one index to report that nothing was found.
    return (fitting.length > 0 ? fitting : indexed.slice(0, 1)).flatMap((partition) => partition.shards);
  };
  const first = bundlesFor(state);
  // The index holds Wenyuan's tokens (language und); Pagefind must not split
  // queries into words as it would for the page's zh-CN. Every bundle
  // carries a filter naming it, so a sorted search can tell each result's
  // bundle (lib/search/sort-values).
  await pagefind.options({ language: 'und', mergeFilter: { [BUNDLE_FILTER]: first[0] }, ...(partitions ? { basePath: first[0] } : {}) });
  await pagefind.init();
  const loaded = new Set(first.slice(0, 1));
  // A large archive is indexed in shards; the browser merges them into one search.
  // One load at a time, so a search never starts while a shard it needs is half merged.
  let loading: Promise<unknown> = Promise.resolve();
  const load = (bundles: string[]): Promise<boolean> => {
    const next = loading.then(async () => {
      const fresh = bundles.filter((bundle) => !loaded.has(bundle));
      for (const bundle of fresh) {
        await pagefind.mergeIndex(bundle, { language: 'und', mergeFilter: { [BUNDLE_FILTER]: bundle } });
        loaded.add(bundle);
      }
      return fresh.length > 0;
    });
    // A failed load is reported to the search that asked; the next load starts afresh.
    loading = next.catch(() => undefined);
    return next;
  };
  await load(first);
  const normalizer = createNormalizer(settings.t2s);
  const sortValues = new Map<string, Promise<Record<string, string[]>>>();
  const bundleSortValues = (bundle: string) => {
    let values = sortValues.get(bundle);
    if (!values) {
      values = fetch(`${bundle}${SORT_VALUES_FILE}`, { cache: 'no-cache' }).then((response) => {
        if (!response.ok) throw new Error(`${bundle}${SORT_VALUES_FILE}: HTTP ${response.status}`);
        return response.json() as Promise<Record<string, string[]>>;
      });
      // A failed fetch is tried again by the next sorted search.
      values.catch(() => sortValues.delete(bundle));
      sortValues.set(bundle, values);
    }
    return values;
  };
  // An engine for the bundles loaded so far.
  const newEngine = () =>
    createSearchEngine(pagefind, normalizer, {
      sharedIds: settings.sharedIds,
      bundles: { filter: BUNDLE_FILTER, paths: [...loaded], sortValues: bundleSortValues, last: UNDATED_SORT_VALUE },
    });
  // Made anew when shards are merged later: its caches hold what the loaded shards found.
  let engine = newEngine();
  window.wenyuanSearch = engine;
  // A search started before the filter index has loaded reports no filter
  // counts at all (seen with Pagefind 1.6); loading them first avoids that.
  let allFilters = await pagefind.filters();

  let results: SearchHit[] = [];
  let phrases: Phrase[] = [];
  let shown = 0;
  let generation = 0;

  function syncControls() {
    input.value = state.q;
    sortSelect.value = state.sort;
  }

  /** Values with results (or already chosen), most results first; the long tail folds away. */
  function renderFacets(current: FilterCounts, all: FilterCounts) {
    // The boxes are made anew; a keyboard user keeps the focus on the one they were on.
    const focused = document.activeElement instanceof HTMLInputElement && facetsBox.contains(document.activeElement)
      ? { name: document.activeElement.name, value: document.activeElement.value }
      : undefined;
    const openMore = new Set([...facetsBox.querySelectorAll<HTMLElement>('fieldset[data-facet]:has(details[open])')].map((f) => f.dataset.facet));
    facetsBox.replaceChildren();
    for (const facet of FACET_ORDER) {
      const selected = new Set(state.filters[facet] ?? []);
      const countOf = (value: string) => current[facet]?.[value] ?? 0;
      const values = Object.keys(all[facet] ?? {})
        .filter((value) => countOf(value) > 0 || selected.has(value))
        .sort((a, b) => countOf(b) - countOf(a) || a.localeCompare(b, 'zh-CN'));
      if (values.length === 0) continue;
      const fieldset = el('fieldset', {}, el('legend', { textContent: FACETS[facet] }));
      fieldset.dataset.facet = facet;
      const labels = values.map((value) => {
        const box = el('input', { type: 'checkbox', name: facet, value, checked: selected.has(value) });
        box.addEventListener('change', () => update(toggleFilter(state, facet, value, box.checked)));
        const count = el('span', { className: 'count', textContent: `(${countOf(value)})` });
        count.dataset.count = String(countOf(value));
        return el('label', {}, box, el('span', { textContent: valueLabel(facet, value) }), count);
      });
      fieldset.append(...labels.slice(0, FACET_VISIBLE));
      if (labels.length > FACET_VISIBLE) {
        fieldset.append(el('details', { open: openMore.has(facet) }, el('summary', { textContent: `更多（${labels.length - FACET_VISIBLE}）` }),
          ...labels.slice(FACET_VISIBLE)));
      }
      facetsBox.append(fieldset);
    }
    if (focused) {
      const box = [...facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
        .find((input) => input.name === focused.name && input.value === focused.value);
      box?.focus();
    }
  }

  async function renderResult(hit: SearchHit): Promise<HTMLLIElement> {
    const shown = await engine.show(hit, phrases);
    const when = el('time', { textContent: shown.meta.date ?? '日期不详' });
    if (shown.meta.datetime) when.dateTime = shown.meta.datetime;
    const meta = el('div', { className: 'meta' }, when,
      ...[shown.meta.type, shown.meta.issuer].filter((v): v is string => Boolean(v)).map((v) => el('span', { textContent: v })));
    const excerpt = el('p', { className: 'excerpt' });
    // The engine escapes the page text and adds one <mark> around the phrase.
    excerpt.innerHTML = shown.excerptHtml;
    const item = el('li', { className: 'result' }, el('h3', {}, el('a', { href: shown.url, textContent: shown.title })), meta, excerpt);
    if (shown.anchor) item.append(el('p', { className: 'section' }, el('a', { href: shown.url, textContent: `§ ${shown.anchorLabel ?? shown.anchor}` })));
    return item;
  }

  /**
   * Adds the next page of results. With `moveFocus` (加载更多 was pressed) the
   * focus goes to the first new result, since the button may now be hidden,
   * and the live region says how many are shown.
   */
  async function showMore(run: number, moveFocus = false) {
    const slice = results.slice(shown, shown + PAGE);
    const items = await Promise.all(slice.map(renderResult));
    if (run !== generation) return;
    list.append(...items);
    shown += slice.length;
    more.hidden = shown >= results.length;
    if (moveFocus) {
      items[0]?.querySelector('a')?.focus();
      status.textContent = `已显示 ${shown} 篇，共 ${results.length} 篇。`;
    }
  }

  /** The search and its facet counts are on screen. */
  function searchDone() {
    facetsBox.removeAttribute('aria-busy');
    root.dataset.searching = 'false';
  }

  /** Runs the current search; a failure (a shard that cannot load, an index at odds with its settings) is said, not left at 检索中…. */
  async function run() {
    const current = ++generation;
    try {
      await runSearch(current);
    } catch (error) {
      console.error(error);
      if (current !== generation) return;
      status.textContent = `检索出错（${error instanceof Error ? error.message : String(error)}），请刷新页面重试。`;
      searchDone();
    }
  }

  async function runSearch(current: number) {
    if (await load(bundlesFor(state))) {
      engine = newEngine();
      window.wenyuanSearch = engine;
      allFilters = await pagefind.filters();
      if (current !== generation) return;
    }
    const filters = toPagefindFilters(state);
    const hasFilters = Object.keys(filters).length > 0;
    if (!state.q && !hasFilters) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      renderFacets(allFilters, allFilters);
      status.textContent = '请输入检索词，或勾选左侧分类浏览。';
      searchDone();
      return;
    }
    status.textContent = '检索中…';
    root.dataset.searching = 'true';
    const outcome = await engine.search({ query: state.q, filters, sort: toPagefindSort(state.sort) });
    if (current !== generation) return;
    results = outcome.hits;
    phrases = outcome.phrases;
    shown = 0;
    list.replaceChildren();
    const what = outcome.phrases.map((phrase) => `“${phrase.text}”`).join('、');
    if (outcome.missing.length > 0) {
      status.textContent = `档案中没有出现${outcome.missing.map((text) => `“${text}”`).join('、')}，未找到文件。`;
    } else if (results.length === 0) {
      status.textContent = `未找到${what ? `同时包含${what}的` : '符合条件的'}文件。`;
    } else {
      status.textContent = `找到 ${results.length} 篇${what ? `包含${what}的` : ''}文件。`;
    }
    // Results first; the facet counts follow (the first search's counts read every page's facets).
    facetsBox.setAttribute('aria-busy', 'true');
    await showMore(current);
    const counts = await outcome.counts();
    if (current !== generation) return;
    renderFacets(counts, allFilters);
    searchDone();
  }

  function update(next: SearchState, push = false) {
    state = next;
    const url = `${location.pathname}${serializeSearchState(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    syncControls();
    void run();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update({ ...state, q: input.value.trim() }, true);
  });
  sortSelect.addEventListener('change', () => update({ ...state, sort: sortSelect.value as Sort }));
  more.addEventListener('click', () => void showMore(generation, true));
  window.addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    syncControls();
    void run();
  });

  syncControls();
  await run();
  root.dataset.ready = 'true';
}
