/**
 * The plain-text version of a document (`/documents/<id>.txt`): title and
 * metadata on top, with the labels the page shows, then the text as the
 * reader sees it on the page, one paragraph per block and a blank line
 * between blocks. UTF-8, LF line ends, no markup.
 */
import type { DocumentData } from '../../schemas/document.ts';
import { FIELD_LABELS } from '../field-labels.ts';
import { formatPartialDate } from '../partial-date.ts';
import { DOCUMENT_TYPES } from '../vocabulary.ts';

const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'figcaption', 'caption',
  'div', 'section', 'article', 'header', 'footer', 'table', 'ul', 'ol', 'dl', 'hr', 'tr', 'details', 'summary',
]);
const SKIP = new Set(['script', 'style', 'template', 'button']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A comment, a start or end tag (quoted attribute values may hold `>`), or text. */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|[^<]+|</g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Elements left out of the text: page controls, and what is hidden. */
function skipped(tag: string, attributes: string): boolean {
  return SKIP.has(tag) || /(?:^|\s)hidden(?:[\s=]|$)/.test(attributes) || /\sclass\s*=\s*"[^"]*\barticle-tools\b/.test(attributes);
}

/** A soft line break inside a paragraph: nothing between two Chinese characters, else a space. */
function softBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t\n]*/g, (match, offset: number, whole: string) =>
    (whole.charCodeAt(offset - 1) >= 0x2e80 && whole.charCodeAt(offset + match.length) >= 0x2e80 ? '' : ' '),
  );
}

/**
 * The text of rendered document HTML, one block per paragraph, blocks
 * separated by a blank line. The controls set into an article (its link
 * and history, `.article-tools`) are left out; marked garbled text stays, as
 * it is in the source. Table cells are separated by tabs, `<br>` is a line break.
 *
 * The HTML is the archive's own rendering (well-formed, sanitised), so a
 * tag scanner reads it; a full HTML parser took ten times as long, which at
 * 10,000 documents was minutes of build time.
 */
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ').replace(/^[ \n]+|[ \n]+$/g, '');
    if (text) blocks.push(text);
    current = '';
  };
  // While inside a left-out element: its name and how deep in it we are.
  let skipping: string | undefined;
  let depth = 0;
  for (const [token, closing, name, attributes = ''] of html.matchAll(TOKEN)) {
    if (name === undefined) {
      if (skipping || token.startsWith('<!--')) continue;
      const text = token.includes('&') ? decode(token) : token;
      current += text.includes('\n') ? softBreaks(text) : text;
      continue;
    }
    const tag = name.toLowerCase();
    if (skipping) {
      if (tag === skipping && !VOID.has(tag)) depth += closing ? -1 : 1;
      if (depth === 0) skipping = undefined;
      continue;
    }
    if (!closing && skipped(tag, attributes)) {
      if (!VOID.has(tag) && !attributes.endsWith('/')) [skipping, depth] = [tag, 1];
      continue;
    }
    if (tag === 'br') current += '\n';
    else if ((tag === 'td' || tag === 'th') && !closing && current && !current.endsWith('\n')) current += '\t';
    else if (BLOCK.has(tag)) flush();
  }
  flush();
  return blocks.join('\n\n');
}

/** The start tag of the page element that holds a document's text ([id].astro). */
const BODY_START = /<div\b[^>]*\bclass="document-body"[^>]*>/;

/** The inner HTML of a built document page's text (`<div class="document-body">`); empty when the page has none. */
export function documentBodyHtml(pageHtml: string): string {
  const start = BODY_START.exec(pageHtml);
  if (!start) return '';
  const from = start.index + start[0].length;
  const tags = /<(\/?)div\b[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(pageHtml); tag; tag = tags.exec(pageHtml)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return pageHtml.slice(from, tag.index);
  }
  return pageHtml.slice(from);
}

/** The `.txt` file of a document: header, a rule, the text; ends with a newline. */
export function documentText(data: DocumentData, archiveUrl: string, bodyText: string): string {
  const status = 'status' in data ? data.status : undefined;
  const rows: Array<[string, string | undefined]> = [
    [FIELD_LABELS.type, DOCUMENT_TYPES[data.type]],
    [FIELD_LABELS.date, formatPartialDate(data.date) + (data.date_note ? `（${data.date_note}）` : '')],
    [FIELD_LABELS.issuer, data.issuer],
    [FIELD_LABELS.region, data.region],
    [FIELD_LABELS.doc_number, data.doc_number],
    [FIELD_LABELS.speaker, data.speaker],
    [FIELD_LABELS.meeting, data.meeting],
    [FIELD_LABELS.effective, data.effective && formatPartialDate(data.effective)],
    [FIELD_LABELS.status, status],
    [FIELD_LABELS.original_script, data.original_script === 'zh-Hant' ? '繁体（已转为简体）' : undefined],
    [FIELD_LABELS.tags, data.tags.length ? data.tags.join('、') : undefined],
    [FIELD_LABELS.source, data.source?.name],
    ['原文链接', data.source?.url],
    ['收录于', data.source?.retrieved && formatPartialDate(data.source.retrieved)],
    ['文渊档案', archiveUrl],
  ];
  const header = [data.title, ...(data.subtitle ? [data.subtitle] : [])];
  const meta = rows.flatMap(([label, value]) => (value ? [`${label}：${value}`] : []));
  return `${[header.join('\n'), meta.join('\n'), '————————', bodyText].filter(Boolean).join('\n\n')}\n`;
}
