/**
 * Takes a built document page apart for the search index: its title, its
 * text as blocks (a phrase never spans two blocks), the anchors (element ids)
 * between blocks, and its Pagefind filters, meta and sort keys. Only what is
 * inside `data-pagefind-body` and not under `data-pagefind-ignore` counts,
 * exactly as Pagefind itself would read the page.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** A stretch of searchable text, with the ids of anchors that start at it. */
export interface TextBlock {
  anchors: string[];
  text: string;
}

/** The searchable parts of one page. */
export interface SearchablePage {
  title: string;
  blocks: TextBlock[];
  /** `data-pagefind-filter` / `-meta` / `-sort` values as `key:value`. */
  filters: string[];
  meta: string[];
  sort: string[];
}

const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd', 'pre', 'blockquote',
  'figcaption', 'caption', 'summary', 'div', 'section', 'article', 'header', 'footer', 'table', 'tr', 'ul', 'ol',
]);

function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

function findBody(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (attr(child, 'dataPagefindBody') !== undefined) return child;
    const found = findBody(child);
    if (found) return found;
  }
  return undefined;
}

const BODY_ATTRIBUTE = 'data-pagefind-body';

/** Elements whose content is text to the HTML parser, never tags. */
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes'];

/**
 * Where the tag starting at `at` (a `<` followed by a letter or `/`) ends:
 * the index after its `>`, skipping quoted attribute values, which may
 * hold `<` and `>` (hast-util-to-html leaves them unescaped). -1 when the
 * tag is never closed.
 */
function tagEnd(html: string, at: number): number {
  for (let i = at + 1; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c !== '=') continue;
    let j = i + 1;
    while (j < html.length && /\s/.test(html[j]!)) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * The element carrying `data-pagefind-body`, cut out of the page's HTML
 * (from its start tag to the end tag that closes it, counting same-named
 * elements inside, tag by tag as the HTML tokenizer reads them: attribute
 * values, comments and raw-text elements such as scripts skipped), so that
 * only it is parsed: the rest of a document page (navigation, the aside,
 * previews) is a quarter to a half of it, and parsing whole pages was a
 * third of the index step's own CPU (issue 18's profile). Undefined when
 * the cut is not certain (the attribute more than once, a tag, comment or
 * element left open) and the whole page is parsed.
 */
export function bodyElementHtml(html: string): string | undefined {
  const at = html.indexOf(BODY_ATTRIBUTE);
  if (at < 0 || html.indexOf(BODY_ATTRIBUTE, at + 1) >= 0) return undefined;
  const start = html.lastIndexOf('<', at);
  const name = /^<([a-z][a-z0-9-]*)[\s>]/i.exec(html.slice(start, at + 1))?.[1]?.toLowerCase();
  // Between the tag's start and the attribute: no `>`, and no quote left open (the `<` found could be inside an earlier attribute's value).
  const opening = html.slice(start, at);
  const balanced = (opening.split('"').length - 1) % 2 === 0 && (opening.split("'").length - 1) % 2 === 0;
  if (!name || RAW_TEXT.includes(name) || opening.includes('>') || !balanced) return undefined;
  let depth = 0;
  let i = start;
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const tag = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(html.slice(i, i + 40));
    if (!tag) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const end = tagEnd(html, i);
    if (end < 0) return undefined;
    const [, closing, tagName] = tag;
    const lower = tagName!.toLowerCase();
    if (lower === name) {
      depth += closing ? -1 : 1;
      if (depth === 0) return html.slice(start, end);
      i = html.indexOf('<', end);
    } else if (!closing && RAW_TEXT.includes(lower)) {
      // A raw-text element's content is text to its end tag.
      const close = new RegExp(`</${lower}`, 'gi');
      close.lastIndex = end;
      const closed = close.exec(html);
      if (!closed) return undefined;
      i = closed.index;
    } else {
      i = html.indexOf('<', end);
    }
  }
  return undefined;
}

/** Reads a page; undefined when it has no `data-pagefind-body` (not a document page). */
export function searchablePage(html: string): SearchablePage | undefined {
  const slice = bodyElementHtml(html);
  return searchableTree(slice === undefined ? fromHtml(html) : fromHtml(slice, { fragment: true }));
}

/** The searchable parts of a parsed page (or of its body element alone). */
export function searchableTree(tree: Root): SearchablePage | undefined {
  const body = findBody(tree);
  if (!body) return undefined;
  const page: SearchablePage = { title: '', blocks: [], filters: [], meta: [], sort: [] };
  let buffer = '';
  let pendingAnchors: string[] = [];

  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) {
      page.blocks.push({ anchors: pendingAnchors, text });
      pendingAnchors = [];
    }
    buffer = '';
  };

  const collectKeys = (node: Element) => {
    for (const [property, list] of [['dataPagefindFilter', page.filters], ['dataPagefindMeta', page.meta], ['dataPagefindSort', page.sort]] as const) {
      const value = attr(node, property);
      if (value === undefined) continue;
      list.push(value.includes(':') ? value : `${value}:${textOf(node).trim()}`);
    }
  };

  const walk = (node: Nodes) => {
    if (node.type === 'text') {
      buffer += node.value;
      return;
    }
    if (node.type !== 'element') return;
    collectKeys(node);
    if (attr(node, 'dataPagefindIgnore') !== undefined) {
      // Ignored text (e.g. a garbled span) breaks a phrase; keys inside still count.
      flush();
      const keysOnly = (child: Nodes) => {
        if (child.type !== 'element') return;
        collectKeys(child);
        child.children.forEach(keysOnly);
      };
      node.children.forEach(keysOnly);
      return;
    }
    if (node.tagName === 'h1' && !page.title) {
      page.title = textOf(node).replace(/\s+/g, ' ').trim();
      return;
    }
    const block = BLOCK.has(node.tagName);
    const id = attr(node, 'id');
    if (block || id) flush();
    if (id) pendingAnchors.push(id);
    node.children.forEach(walk);
    if (block) flush();
  };

  body.children.forEach(walk);
  flush();
  return page;
}
