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

/** Reads a page; undefined when it has no `data-pagefind-body` (not a document page). */
export function searchablePage(html: string): SearchablePage | undefined {
  const tree = fromHtml(html);
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
