/**
 * The HTML Pagefind indexes for one page: the same title, anchors, filters,
 * meta and sort keys, but the text normalised and written as tokens (see
 * tokens.ts), each block ending in BLOCK_END. The title fills a fixed slot
 * of TITLE_SLOT positions so a match position tells whether it is in the
 * title; the title's characters follow its tokens inside the slot, and the
 * page's characters end the page.
 */
import type { SearchablePage } from './page-text.ts';
import { BLOCK_END, CHARACTERS_MARK, FILLER, TITLE_SLOT, characterSet, tokenize } from './tokens.ts';

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function keySpans(attribute: string, values: readonly string[]): string {
  return values.map((value) => `<span ${attribute}="${escapeHtml(value)}"></span>`).join('');
}

/** A character list with a filler between entries, so no two entries stand side by side as a phrase would. */
function listed(characters: readonly string[]): string[] {
  return characters.flatMap((token, i) => (i === 0 ? [token] : [FILLER, token]));
}

/** Index HTML for a page; `normalize` is the shared normaliser (Traditional → Simplified etc.). */
export function indexHtml(page: SearchablePage, normalize: (text: string) => string): string {
  const title = normalize(page.title);
  const titleTokens = [...tokenize(title), CHARACTERS_MARK, ...listed(characterSet(title))].slice(0, TITLE_SLOT - 1);
  const padding = Array.from({ length: TITLE_SLOT - 1 - titleTokens.length }, () => FILLER);
  const parts = [`<h1>${escapeHtml([...titleTokens, ...padding, BLOCK_END].join(' '))}</h1>`];
  const texts: string[] = [title];
  for (const block of page.blocks) {
    // Anchors are empty elements: Pagefind would otherwise copy each block's text into the anchor list.
    for (const id of block.anchors) parts.push(`<span id="${escapeHtml(id)}"></span>`);
    const text = normalize(block.text);
    texts.push(text);
    parts.push(`<p>${escapeHtml([...tokenize(text), BLOCK_END].join(' '))}</p>`);
  }
  // Every character of the page once, for one-character queries.
  parts.push(`<p>${[CHARACTERS_MARK, ...listed(characterSet(texts.join('\n'))), BLOCK_END].join(' ')}</p>`);
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
