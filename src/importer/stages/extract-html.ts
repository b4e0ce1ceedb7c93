/**
 * HTML → units in source order: text lines (one per block element or <br>),
 * tables, and removed elements (script, style, navigation, headers, footers,
 * share bars) with their text, so the extract stage can account for every
 * character of the page's text content.
 *
 * Beside the units it reads what the page declares about itself, before
 * anything is guessed from text (DeclaredMeta: <title> without the site name,
 * the first <h1>/<h2> of the main content, the meta tags of the national
 * government-website specification), and how much of the main content is
 * link text (a list page's figure; the decision is made elsewhere).
 *
 * The main-content choice stays this extractor's own (chrome elements by tag
 * and class/id, link lists): measured against @mozilla/readability on the
 * HTML seeds and fixtures (scripts/measure-html-extractors.ts), readability
 * kept less chrome but dropped every metadata table and line, and on a short
 * notice beside a longer sidebar it chose the footer and lost the document.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root, RootContent } from 'hast';
import type { Inline } from '../types.ts';
import type { Unit } from './units.ts';
import { normaliseForAccounting } from '../accounting.ts';

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
  return value.replace(/(?<![ \t\r\f])[ \t\r\f]*\n\s*/g, (run, offset: number, all: string) =>
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
export function htmlToUnits(html: string): {
  units: Unit[];
  textContent: string;
  title?: { value: string; line: number };
  declared: DeclaredMeta;
  links: LinkDensity;
} {
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
      // Text in a table but in no cell (a <style> after the cells of an unclosed table) goes to the ledger, after the table.
      const outside: Array<{ text: string; tag: string; line: number }> = [];
      const collectRows = (n: Nodes) => {
        if (n.type !== 'element') return;
        if (n.tagName === 'tr') {
          const cells = n.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
          rows.push(cells.map((cell) => [{ text: collapseWhitespace(textOf(cell)) }]));
          for (const c of n.children) if (!cells.includes(c as Element) && textOf(c).trim()) outside.push({ text: textOf(c), tag: c.type === 'element' ? c.tagName : 'text', line: lineOf(c.type === 'element' ? c : n) });
          return;
        }
        for (const c of n.children) {
          if (c.type === 'element' && (DROPPED_TAGS[c.tagName] || c.tagName === 'caption') && textOf(c).trim()) outside.push({ text: textOf(c), tag: c.tagName, line: lineOf(c) });
          else collectRows(c);
        }
      };
      collectRows(node);
      units.push({ type: 'table', rows, line: lineOf(node) });
      for (const o of outside) units.push({ type: 'removed', text: o.text, line: o.line, rule: `html-${o.tag}`, reason: DROPPED_TAGS[o.tag] ?? '表格中单元格以外的文字' });
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
  const main = scanMainContent(tree);
  return {
    units,
    textContent: textOf(tree),
    ...(title ? { title } : {}),
    declared: readDeclared(tree, main, title),
    links: { textShare: main.textChars === 0 ? 0 : Math.round((1000 * main.linkChars) / main.textChars) / 1000, count: main.links },
  };
}

/** One value an HTML page declares about itself: the value, its line, and how it was read. */
export interface DeclaredValue {
  value: string;
  line: number;
  how: string;
}

/**
 * What an HTML page declares about itself, read before anything is guessed
 * from its text. Meta tags follow the national government-website
 * specification (政府网站发展指引: ArticleTitle, PubDate, ContentSource,
 * ColumnName, SiteName, Keywords), plus description and Open Graph og:title.
 */
export interface DeclaredMeta {
  /** The <title> with the site name (and a column name beside it) split off; `how` quotes the whole <title>. */
  title?: DeclaredValue;
  /** <meta name="SiteName">, else the site name split off the <title>. */
  siteName?: DeclaredValue;
  /** The first <h1> of the main content (chrome elements and a heading that is the site name left out), else its first <h2>. */
  h1?: DeclaredValue;
  articleTitle?: DeclaredValue;
  pubDate?: DeclaredValue;
  contentSource?: DeclaredValue;
  columnName?: DeclaredValue;
  keywords?: DeclaredValue;
  description?: DeclaredValue;
  ogTitle?: DeclaredValue;
}

/** Share of the main content's text characters inside links, and the number of links (a list page has many). */
export interface LinkDensity {
  textShare: number;
  count: number;
}

/** Meta names (lower-cased name or property) → DeclaredMeta field. */
const META_FIELDS: Record<string, Exclude<keyof DeclaredMeta, 'title' | 'h1'>> = {
  articletitle: 'articleTitle',
  pubdate: 'pubDate',
  contentsource: 'contentSource',
  columnname: 'columnName',
  sitename: 'siteName',
  keywords: 'keywords',
  description: 'description',
  'og:title': 'ogTitle',
};

/** Whitespace-free, width-folded form for comparing names. */
const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '');

/** Text as a reader sees it on one line: whitespace runs collapsed, trimmed. */
const oneLine = (s: string) => collapseWhitespace(s).replace(/\s+/g, ' ').trim();

interface MainContent {
  textChars: number;
  linkChars: number;
  links: number;
  headings: { level: 1 | 2; value: string; line: number }[];
}

/**
 * The main content for the declared <h1> and the link density: every element
 * the extractor keeps or judges by its text, i.e. all but the elements it
 * drops whole by tag or class/id (link lists are included: a list page's
 * content is its list).
 */
function scanMainContent(tree: Root): MainContent {
  const main: MainContent = { textChars: 0, linkChars: 0, links: 0, headings: [] };
  const walk = (node: Nodes, inLink: boolean) => {
    if (node.type === 'text') {
      const n = normaliseForAccounting(node.value).length;
      main.textChars += n;
      if (inLink) main.linkChars += n;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const tag = node.tagName;
      if (DROPPED_TAGS[tag] || (CHROME_CLASS.test(classAndId(node)) && !['html', 'body'].includes(tag))) return;
      if ((tag === 'h1' || tag === 'h2') && main.headings.length < 8) {
        const value = oneLine(textOf(node));
        if (value) main.headings.push({ level: tag === 'h1' ? 1 : 2, value, line: lineOf(node) });
      }
      if (tag === 'a' && !inLink && node.properties.href !== undefined && normaliseForAccounting(textOf(node)) !== '') {
        main.links++;
        node.children.forEach((c) => walk(c, true));
        return;
      }
    }
    node.children.forEach((c) => walk(c, inLink));
  };
  walk(tree, false);
  return main;
}

/** Text of the page outside <title>, scripts and styles (where a site name repeats: logo, footer). */
function pageTextOf(tree: Root): string {
  const skip = new Set(['title', 'script', 'style', 'noscript', 'template']);
  const walk = (node: Nodes): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element' && skip.has(node.tagName)) return '';
    if (node.type === 'element' || node.type === 'root') return node.children.map(walk).join('');
    return '';
  };
  return walk(tree);
}

/** A part of a <title> that names a site: 中国人大网, 某市人民政府门户网站, 某区人大, 某省政务网, 某某官网. */
const SITE_LIKE = /(网|网站|门户|政府|人大|政务网|官网)$/;

/**
 * <title> separators between a document title and the site or column name:
 * `_`, `|`, `｜`, `--`, a lone `—` (not the `——` of a subtitle, not between
 * digits as in 2023—2025), ` - ` with spaces.
 */
const TITLE_SEPARATOR = /\s*(?:[_|｜]|--|(?<![—\d])—(?![—\d]))\s*|\s+-\s+/g;

/** A <title> split into the document title, the site name and column names beside it. */
export interface SplitTitle {
  title: string;
  site?: string;
  columns: string[];
}

/**
 * Splits the site name off a <title>. The site part is at either end; it is
 * the part that equals the SiteName meta (or a shorter form of it),
 * else the one that looks like a site (ends in 网, 网站, 门户, 政府, 人大,
 * 政务网, 官网; the end part first), else a tail shorter than the rest that
 * the page repeats outside the <title> (its logo, its footer). A column name
 * between the title and the site goes too when it equals the ColumnName meta,
 * or is a short word the page repeats (breadcrumb) beside a long title.
 * Without a site part the <title> is the title.
 */
export function splitTitle(full: string, hints: { siteName?: string; columnName?: string; pageText?: string } = {}): SplitTitle {
  const text = full.trim();
  const parts: { value: string; start: number; end: number }[] = [];
  let at = 0;
  for (const m of text.matchAll(TITLE_SEPARATOR)) {
    parts.push({ value: text.slice(at, m.index), start: at, end: m.index });
    at = m.index + m[0].length;
  }
  parts.push({ value: text.slice(at), start: at, end: text.length });
  const kept = parts.filter((p) => p.value.trim() !== '');
  if (kept.length < 2) return { title: text, columns: [] };

  const meta = hints.siteName ? fold(hints.siteName) : '';
  const page = hints.pageText ? fold(hints.pageText) : '';
  // The SiteName meta, or a shorter form of it (站名 云溪市人民政府 for 云溪市人民政府门户网站); a part that merely
  // contains the site name (云溪市人民政府关于…的通知) is not it.
  const isMetaSite = (p: string) => {
    const f = fold(p);
    return meta !== '' && (f === meta || (f.length >= 4 && meta.includes(f)));
  };
  const looksLikeSite = (p: string) => fold(p).length <= 30 && !/[，。：；！？,]/.test(p) && SITE_LIKE.test(fold(p));
  const restLength = (i: number) => kept.reduce((n, p, k) => (k === i ? n : n + fold(p.value).length), 0);
  const repeatedTail = () => {
    const tail = fold(kept[kept.length - 1]!.value);
    return tail.length >= 2 && tail.length < restLength(kept.length - 1) && page.includes(tail);
  };

  const last = kept.length - 1;
  let siteAt: 'tail' | 'head' | undefined;
  if (isMetaSite(kept[last]!.value)) siteAt = 'tail';
  else if (isMetaSite(kept[0]!.value)) siteAt = 'head';
  else if (looksLikeSite(kept[last]!.value)) siteAt = 'tail';
  else if (looksLikeSite(kept[0]!.value)) siteAt = 'head';
  else if (repeatedTail()) siteAt = 'tail';
  if (!siteAt) return { title: text, columns: [] };

  const sites: string[] = [];
  const columns: string[] = [];
  const take = () => (siteAt === 'tail' ? kept.pop()! : kept.shift()!).value.trim();
  sites.push(take());
  // A second site-like part (标题_某市人民政府_某市人民政府门户网站) goes with the first.
  while (kept.length > 1) {
    const edge = siteAt === 'tail' ? kept[kept.length - 1]! : kept[0]!;
    if (!(isMetaSite(edge.value) || looksLikeSite(edge.value))) break;
    sites.push(take());
  }
  const column = hints.columnName ? fold(hints.columnName) : '';
  while (kept.length > 1) {
    const edge = siteAt === 'tail' ? kept[kept.length - 1]! : kept[0]!;
    const f = fold(edge.value);
    const others = kept.filter((p) => p !== edge).map((p) => fold(p.value).length);
    const shortRepeated = f.length <= 6 && !/\d/.test(f) && page.includes(f) && Math.max(...others) >= 10;
    if (!(column && f === column) && !shortRepeated) break;
    columns.push(take());
  }
  return { title: text.slice(kept[0]!.start, kept[kept.length - 1]!.end).trim(), site: sites.at(-1), columns };
}

/** The page's declared title, site name, main heading and specification meta tags. */
function readDeclared(tree: Root, main: MainContent, titleElement: { value: string; line: number } | undefined): DeclaredMeta {
  const declared: DeclaredMeta = {};
  const walk = (node: Nodes) => {
    if (node.type === 'element' && node.tagName === 'meta') {
      const key = String(node.properties.name ?? node.properties.property ?? '').trim().toLowerCase();
      const field = META_FIELDS[key];
      const value = typeof node.properties.content === 'string' ? oneLine(node.properties.content) : '';
      if (field && value && !declared[field]) {
        const attr = node.properties.name !== undefined ? `name="${String(node.properties.name)}"` : `property="${String(node.properties.property)}"`;
        declared[field] = { value, line: lineOf(node), how: `<meta ${attr}>（第${lineOf(node)}行）` };
      }
      return;
    }
    if (node.type === 'element' || node.type === 'root') node.children.forEach(walk);
  };
  walk(tree);

  const site: string[] = [];
  if (declared.siteName) site.push(declared.siteName.value);
  if (titleElement) {
    const full = oneLine(titleElement.value);
    const split = splitTitle(full, { siteName: declared.siteName?.value, columnName: declared.columnName?.value, pageText: pageTextOf(tree) });
    const where = `（第${titleElement.line}行）`;
    if (split.site) {
      const columns = split.columns.length > 0 ? `、栏目名「${split.columns.join('」「')}」` : '';
      declared.title = { value: split.title, line: titleElement.line, how: `网页 <title>「${full}」拆去站名「${split.site}」${columns}${where}` };
      site.push(split.site);
      if (!declared.siteName) declared.siteName = { value: split.site, line: titleElement.line, how: `网页 <title>「${full}」中的站名${where}` };
    } else {
      declared.title = { value: full, line: titleElement.line, how: `网页 <title>「${full}」（无站名可拆）${where}` };
    }
  }

  const siteNames = new Set(site.map(fold));
  const headings = main.headings.filter((h) => !siteNames.has(fold(h.value)));
  const h1 = headings.find((h) => h.level === 1);
  const heading = h1 ?? headings.find((h) => h.level === 2);
  if (heading) {
    declared.h1 = {
      value: heading.value,
      line: heading.line,
      how: h1 ? `正文的第一个 <h1>（第${heading.line}行）` : `正文的第一个 <h2>（正文无 <h1>，第${heading.line}行）`,
    };
  }
  return declared;
}
