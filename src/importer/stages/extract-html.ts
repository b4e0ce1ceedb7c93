/**
 * HTML → units in source order: text lines (one per block element or <br>),
 * tables, and removed elements (script, style, navigation, headers, footers,
 * share bars) with their text, so the extract stage can account for every
 * character of the page's text content.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root, RootContent } from 'hast';
import type { Inline } from '../types.ts';
import type { Unit } from './units.ts';

/** Elements dropped whole, with the reason the report gives. */
const DROPPED_TAGS: Record<string, string> = {
  script: '脚本 <script>',
  style: '样式 <style>',
  noscript: '<noscript>',
  template: '<template>',
  nav: '导航 <nav>',
  header: '页眉 <header>',
  footer: '页脚 <footer>',
  aside: '侧栏 <aside>',
  form: '表单 <form>',
  button: '按钮 <button>',
  select: '下拉框 <select>',
  iframe: '<iframe>',
  object: '<object>',
  embed: '<embed>',
  svg: '<svg>',
  canvas: '<canvas>',
  title: '网页标题栏 <title>',
};

/** class/id words that mark page chrome on Chinese government sites. */
const CHROME_CLASS =
  /(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|footer|share|bshare|toolbar|sidebar|copyright|advert|ads|banner|comments?|related|pager|pagination|fontsize)([-_\s]|$)/i;

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main',
  'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'head',
]);

/** True when the text looks like an HTML document or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|head|body|div|p|span|table|br|h[1-6]|article|section|ul|ol|li|font|strong|b|a\s)[\s>/]/i.test(text);
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c)).join('');
  return '';
}

function classAndId(element: Element): string {
  const cls = element.properties.className;
  const classes = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
  const id = typeof element.properties.id === 'string' ? element.properties.id : '';
  return `${classes} ${id}`.trim();
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

const isCjk = (c: string | undefined) => c !== undefined && /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(c);

/**
 * HTML whitespace: a line break between two Chinese characters disappears (as
 * CSS segment-break rules render it); any other run becomes one space.
 */
function collapseWhitespace(value: string): string {
  return value.replace(/[ \t\r\f]*\n[\s]*/g, (run, offset: number, all: string) =>
    isCjk(all[offset - 1]) && isCjk(all[offset + run.length]) ? '' : ' ',
  );
}

/** Mostly-links containers (menus, related-article lists) are navigation. */
function isLinkList(element: Element): boolean {
  if (!['ul', 'ol', 'div', 'dl', 'p', 'td'].includes(element.tagName)) return false;
  let links = 0;
  let linkText = 0;
  const walk = (node: Nodes) => {
    if (node.type === 'element' && node.tagName === 'a') {
      links++;
      linkText += textOf(node).replace(/\s/g, '').length;
      return;
    }
    if (node.type === 'element') node.children.forEach(walk);
  };
  walk(element);
  const total = textOf(element).replace(/\s/g, '').length;
  return links >= 3 && total > 0 && linkText / total >= 0.8;
}

/** A table is data (kept as a table) unless it lays out the page: nested tables or long cells. */
function isDataTable(table: Element): boolean {
  let nested = false;
  let longCell = false;
  let maxCells = 0;
  const walk = (node: Nodes, depth: number) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'table' && depth > 0) nested = true;
    if (node.tagName === 'tr') maxCells = Math.max(maxCells, node.children.filter((c) => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).length);
    if ((node.tagName === 'td' || node.tagName === 'th') && textOf(node).trim().length > 200) longCell = true;
    node.children.forEach((c) => walk(c, depth + (node.tagName === 'table' ? 1 : 0)));
  };
  walk(table, 0);
  return !nested && !longCell && maxCells >= 2;
}

/** Converts HTML into units; the text content is every text node, in order. */
export function htmlToUnits(html: string): { units: Unit[]; textContent: string; title?: { value: string; line: number } } {
  const fragment = !/<(!doctype|html|body)[\s>]/i.test(html);
  const tree: Root = fromHtml(html, { fragment });
  const units: Unit[] = [];
  let title: { value: string; line: number } | undefined;
  let current: Inline[] = [];
  let currentLine = 1;
  let heading: number | undefined;
  let listItem: { ordered: boolean } | undefined;

  const flush = () => {
    if (current.some((i) => i.text.trim() !== '')) {
      units.push({ type: 'line', inlines: current, line: currentLine, ...(heading ? { heading } : {}), ...(listItem ? { listItem } : {}) });
    }
    current = [];
  };
  const pushText = (text: string, marks: Omit<Inline, 'text'>, line: number) => {
    if (current.length === 0) currentLine = line;
    current.push({ text, ...marks });
  };

  const walk = (node: RootContent | Root, marks: Omit<Inline, 'text'>, listOrdered?: boolean) => {
    if (node.type === 'text') {
      pushText(collapseWhitespace(node.value), marks, lineOf(node));
      return;
    }
    if (node.type === 'root') {
      node.children.forEach((c) => walk(c, marks));
      return;
    }
    if (node.type !== 'element') return;
    const tag = node.tagName;
    const dropReason = DROPPED_TAGS[tag];
    const chrome = CHROME_CLASS.test(classAndId(node)) && !['html', 'body'].includes(tag);
    if (dropReason || chrome || (BLOCK_TAGS.has(tag) && isLinkList(node))) {
      flush();
      const text = textOf(node);
      if (tag === 'title' && text.trim()) title = { value: text.trim(), line: lineOf(node) };
      if (text.trim()) {
        units.push({
          type: 'removed',
          text,
          line: lineOf(node),
          rule: dropReason ? `html-${tag}` : chrome ? 'html-chrome' : 'html-link-list',
          reason: dropReason ?? (chrome ? `页面框架元素（class/id: ${classAndId(node)}）` : '链接列表（导航）'),
        });
      }
      return;
    }
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table' && isDataTable(node)) {
      flush();
      const rows: Inline[][][] = [];
      const collectRows = (n: Nodes) => {
        if (n.type !== 'element') return;
        if (n.tagName === 'tr') {
          rows.push(
            n.children
              .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
              .map((cell) => [{ text: collapseWhitespace(textOf(cell)) }]),
          );
          return;
        }
        n.children.forEach(collectRows);
      };
      collectRows(node);
      units.push({ type: 'table', rows, line: lineOf(node) });
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const headingMatch = /^h([1-6])$/.exec(tag);
    const savedHeading = heading;
    const savedList = listItem;
    if (headingMatch) heading = Number(headingMatch[1]);
    if (tag === 'li') listItem = { ordered: listOrdered ?? false };
    const childMarks = { ...marks };
    if (tag === 'strong' || tag === 'b') childMarks.strong = true;
    if (tag === 'em' || tag === 'i') childMarks.emphasis = true;
    if (tag === 'a' && typeof node.properties.href === 'string' && /^https?:\/\//.test(node.properties.href)) {
      childMarks.href = node.properties.href;
    }
    const ordered = tag === 'ol' ? true : tag === 'ul' ? false : listOrdered;
    node.children.forEach((c) => walk(c, childMarks, ordered));
    if (block) flush();
    heading = savedHeading;
    listItem = savedList;
  };

  walk(tree, {});
  flush();
  return { units, textContent: textOf(tree), ...(title ? { title } : {}) };
}
