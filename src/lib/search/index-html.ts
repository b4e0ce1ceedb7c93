/**
 * The HTML Pagefind indexes for one page: the same title, anchors, filters,
 * meta and sort keys, but the text normalised and written as tokens (see
 * tokens.ts). The title fills a fixed slot of TITLE_SLOT positions so a match
 * position tells whether it is in the title.
 */
import type { SearchablePage } from './page-text.ts';
import { FILLER, TITLE_SLOT, tokenize } from './tokens.ts';

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function keySpans(attribute: string, values: readonly string[]): string {
  return values.map((value) => `<span ${attribute}="${escapeHtml(value)}"></span>`).join('');
}

/** Index HTML for a page; `normalize` is the shared normaliser (Traditional → Simplified etc.). */
export function indexHtml(page: SearchablePage, normalize: (text: string) => string): string {
  const titleTokens = tokenize(normalize(page.title)).slice(0, TITLE_SLOT);
  const padding = Array.from({ length: TITLE_SLOT - titleTokens.length }, () => FILLER);
  const parts = [`<h1>${escapeHtml([...titleTokens, ...padding].join(' '))}</h1>`];
  for (const block of page.blocks) {
    // The last anchor goes on the block itself so Pagefind records its text (a heading's words).
    const own = block.anchors.at(-1);
    for (const id of block.anchors.slice(0, -1)) parts.push(`<span id="${escapeHtml(id)}"></span>`);
    const idAttribute = own ? ` id="${escapeHtml(own)}"` : '';
    parts.push(`<p${idAttribute}>${escapeHtml(tokenize(normalize(block.text)).join(' '))}</p>`);
  }
  const hasTitleMeta = page.meta.some((entry) => entry.startsWith('title:'));
  const meta = hasTitleMeta ? page.meta : [`title:${page.title}`, ...page.meta];
  return [
    '<!doctype html><html lang="und"><body><main data-pagefind-body>',
    ...parts,
    '</main>',
    keySpans('data-pagefind-filter', page.filters),
    keySpans('data-pagefind-meta', meta),
    keySpans('data-pagefind-sort', page.sort),
    '</body></html>',
  ].join('');
}
