/**
 * Stage 2, extract: decoded text → body blocks, metadata lines and the
 * ledger of everything removed. HTML and plain text meet in one sequence of
 * units, so the same line rules find breadcrumbs, page tools, advertising and
 * disclaimers in both.
 */
import type { Block, Inline, Piece } from '../types.ts';
import { boilerplateRule, CONTENT_OPENER, isHeaderFragment } from '../rules/boilerplate.ts';
import { embeddedMetadata, isLabelOnly, parseMetadataLine, type MetaField, type MetaTarget } from '../rules/metadata.ts';
import { detectionView } from '../text/view.ts';
import { htmlToUnits, looksLikeHtml, type DeclaredMeta, type LinkDensity } from './extract-html.ts';
import { inlineText, tableText, type Unit } from './units.ts';

/** A metadata line (or table row) and the fields read from it. */
export interface MetaLine {
  fields: MetaField[];
  line: number;
  text: string;
  /** Read out of a line removed as chrome (a navigation row that prints the author and date): weaker evidence. */
  embedded?: boolean;
}

/** What the extract stage found. */
export interface Extracted {
  format: 'html' | 'text';
  /** Body candidates in source order; structure may still move a title or byline to front matter. */
  blocks: Block[];
  /** Ledger in source order; body pieces carry their block index. */
  pieces: Piece[];
  metadata: MetaLine[];
  /** The HTML <title>, a fallback for the document title. */
  htmlTitle?: { value: string; line: number };
  /** HTML only: what the page declares (<title> without the site name, <h1>, specification meta tags), and its main content's link density. */
  declared?: DeclaredMeta;
  links?: LinkDensity;
  /** The input's text content (see accounting.ts for the definition). */
  textContent: string;
}

const FIELD_OF: Record<MetaTarget, string> = {
  date: 'date',
  'doc-date': 'date',
  title: 'title',
  'source-name': 'source.name',
  'source-url': 'source.url',
  author: 'issuer',
  'doc-number': 'doc_number',
  issuer: 'issuer',
  effective: 'effective',
  status: 'status',
  abolished: 'status',
  unmapped: 'report only',
};

type Verdict =
  | { kind: 'content' }
  | { kind: 'meta'; fields: MetaField[] }
  | { kind: 'chrome'; rule: string; reason: string };

function textLines(text: string): Unit[] {
  const units: Unit[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() !== '') units.push({ type: 'line', inlines: [{ text: line }], line: i + 1 });
  });
  return units;
}

/** Page-header lines before a breadcrumb, and lines sandwiched inside an advertising block, go with them. */
function absorbNeighbours(units: Unit[], verdicts: Verdict[]): void {
  const lineIdx = units.flatMap((u, i) => (u.type === 'line' ? [i] : []));
  const first = lineIdx.slice(0, 6).find((i) => verdicts[i]!.kind === 'chrome' && (verdicts[i] as { rule: string }).rule === 'breadcrumb');
  if (first !== undefined) {
    for (const i of lineIdx) {
      if (i >= first) break;
      const unit = units[i]!;
      if (verdicts[i]!.kind === 'content' && unit.type === 'line' && isHeaderFragment(inlineText(unit.inlines))) {
        verdicts[i] = { kind: 'chrome', rule: 'site-header', reason: '页眉（面包屑导航之前的站名/栏目名）' };
      }
    }
  }
  const isAd = (i: number) => verdicts[i]!.kind === 'chrome' && (verdicts[i] as { rule: string }).rule === 'advertising';
  for (let k = 0; k < lineIdx.length; k++) {
    if (!isAd(lineIdx[k]!)) continue;
    // Look for the next advertising line within five lines; everything short between is part of the block.
    for (let j = k + 1; j < Math.min(lineIdx.length, k + 7); j++) {
      if (!isAd(lineIdx[j]!)) continue;
      const between = lineIdx.slice(k + 1, j);
      const fragments = between.every((i) => {
        const u = units[i]!;
        return verdicts[i]!.kind !== 'meta' && u.type === 'line' && isHeaderFragment(inlineText(u.inlines));
      });
      if (fragments) {
        for (const i of between) if (verdicts[i]!.kind === 'content') verdicts[i] = { kind: 'chrome', rule: 'advertising', reason: '广告块中的行（夹在广告行之间）' };
      }
      break;
    }
  }
}

/** Index of the first unit of prose (a sentence of some length): everything before it is the page's head. */
function headEnd(units: Unit[]): number {
  const i = units.findIndex((u) => u.type === 'line' && /[，。；,]/.test(inlineText(u.inlines)) && detectionView(inlineText(u.inlines)).length >= 40);
  return i < 0 ? units.length : i;
}

/** Fields whose value a table copied as text prints on the next line (`发布单位` ↵ `黑龙江省人民政府`). */
const VALUE_ON_NEXT_LINE = new Set(['issuer', 'doc-number', 'date', 'doc-date', 'effective', 'status', 'abolished', 'author', 'source-name']);

/** A label alone on its line takes the short lines after it (up to two) as its value. */
function absorbLabelValues(units: Unit[], verdicts: Verdict[]): void {
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const verdict = verdicts[i]!;
    if (unit.type !== 'line' || verdict.kind !== 'meta' || !isLabelOnly(verdict.fields)) continue;
    const field = verdict.fields[0]!;
    // 正文 opens the text itself; every other label waits for its value.
    if (!VALUE_ON_NEXT_LINE.has(field.target) && !(field.target === 'unmapped' && field.label !== '正文')) continue;
    const values: string[] = [];
    for (let j = i + 1; j < units.length && values.length < 2; j++) {
      const next = units[j]!;
      const v = verdicts[j]!;
      // A date alone on the next line is already read as a date; under a label it is that label's date.
      const bareDate = v.kind === 'meta' && v.fields.length === 1 && v.fields[0]!.label === '';
      if (next.type !== 'line' || (v.kind !== 'content' && !bareDate)) break;
      const text = detectionView(inlineText(next.inlines));
      if (text.length === 0 || text.length > 40 || /[。；，,]/.test(text) || CONTENT_OPENER.test(text)) break;
      // A second line is the same value again (a cell copied twice) or a second issuing unit; anything else is the next thing.
      if (values.length === 1 && text !== values[0] && field.target !== 'issuer') break;
      values.push(text);
      verdicts[j] = { kind: 'meta', fields: [{ label: field.label, value: text, target: field.target }] };
    }
  }
}


/** A navigation row wraps: the line after a prev/next row that still ends in a cell bar belongs to it. */
function absorbNavigationRows(units: Unit[], verdicts: Verdict[]): void {
  for (let i = 1; i < units.length; i++) {
    const before = verdicts[i - 1]!;
    const unit = units[i]!;
    if (before.kind !== 'chrome' || before.rule !== 'prev-next' || unit.type !== 'line' || verdicts[i]!.kind !== 'content') continue;
    const text = inlineText(unit.inlines).trim();
    if (/[|｜]$/.test(text) && text.length <= 120 && !/[。；]/.test(text)) verdicts[i] = { kind: 'chrome', rule: 'prev-next', reason: '上一篇/下一篇导航（续行）' };
  }
}

/** A short line in the head that repeats a breadcrumb's column (人大要闻 under 首页 > 人大要闻 > …) is the column heading. */
function removeColumnHeadings(units: Unit[], verdicts: Verdict[], head: number): void {
  const columns = new Set<string>();
  units.forEach((u, i) => {
    const v = verdicts[i]!;
    if (u.type === 'line' && v.kind === 'chrome' && (v.rule === 'breadcrumb' || v.rule === 'navigation-bar')) {
      for (const part of detectionView(inlineText(u.inlines)).replace(/^[^:：]*[:：]/, '').split(/\s*[>＞»›/|｜·]\s*|\s{2,}/)) if (part.trim()) columns.add(part.trim());
    }
  });
  if (columns.size === 0) return;
  for (let i = 0; i < Math.min(head, units.length); i++) {
    const u = units[i]!;
    if (u.type !== 'line' || verdicts[i]!.kind !== 'content') continue;
    const text = detectionView(inlineText(u.inlines));
    if (text.length <= 12 && columns.has(text)) verdicts[i] = { kind: 'chrome', rule: 'column-heading', reason: '栏目名（与面包屑导航中的栏目相同）' };
  }
}

/** Where an article's page ends: its editor line or its print/close tools; what follows is the site's footer. */
const END_MARKERS = new Set(['editor', 'page-tools', 'prev-next', 'navigation', 'copyright']);

/** Lines after the article's end marker in the last third of the page that are short and unpunctuated: related links, footers. */
function removeFooter(units: Unit[], verdicts: Verdict[]): void {
  const lines = units.flatMap((u, i) => (u.type === 'line' ? [i] : []));
  const from = Math.floor((lines.length * 2) / 3);
  const isEnd = (v: Verdict) =>
    (v.kind === 'chrome' && END_MARKERS.has(v.rule)) || (v.kind === 'meta' && v.fields.every((f) => /^(责任编辑|编辑|审核|校对|编审)$/.test(f.label)));
  const end = lines.findIndex((i, k) => k >= from && k > 0 && isEnd(verdicts[i]!));
  if (end < 0) return;
  for (const i of lines.slice(end + 1)) {
    const text = inlineText((units[i] as Extract<Unit, { type: 'line' }>).inlines).trim();
    if (verdicts[i]!.kind === 'content' && text.length <= 150 && !/[。！？]$/.test(text)) {
      verdicts[i] = { kind: 'chrome', rule: 'footer', reason: '正文结束后的相关链接或页脚' };
    }
  }
}

/** Link words glued to a paragraph's last sentence (…的报告。 附件): split off, kept in the ledger as removed. */
function trailingChrome(inlines: Inline[]): { kept: Inline[]; removed: string } | undefined {
  const last = inlines.at(-1);
  if (!last || last.garbled) return undefined;
  const m = /(?<=[。！？”])(\s*(?:附件|附件下载|打印|关闭|【[^】]{1,6}】)\s*)+$/.exec(last.text);
  if (!m || m.index === 0) return undefined;
  return { kept: [...inlines.slice(0, -1), { ...last, text: last.text.slice(0, m.index) }], removed: m[0] };
}

/** Rows of a metadata table (发文字号 | 青人常发〔2023〕4号 …) read as `label：value` lines. */
function tableAsMetadata(rows: Inline[][][]): MetaField[] | undefined {
  const fields: MetaField[] = [];
  let metaRows = 0;
  for (const row of rows) {
    const cells = row.map((c) => inlineText(c).trim());
    const pairs: string[] = [];
    for (let i = 0; i + 1 < cells.length; i += 2) pairs.push(`${cells[i]!.replace(/[:：]$/, '')}：${cells[i + 1]}`);
    const parsed = parseMetadataLine(pairs.join(' '));
    if (parsed) {
      metaRows++;
      fields.push(...parsed);
    }
  }
  return metaRows > 0 && metaRows * 2 >= rows.length ? fields : undefined;
}

/** Extracts body blocks, metadata and the removal ledger from decoded text. */
export function extract(text: string): Extracted {
  const html = looksLikeHtml(text);
  const converted = html ? htmlToUnits(text) : { units: textLines(text), textContent: text };
  const units = converted.units;
  const head = headEnd(units);
  const verdicts: Verdict[] = units.map((unit, i) => {
    if (unit.type !== 'line') return { kind: 'content' };
    const line = inlineText(unit.inlines);
    const fields = parseMetadataLine(line);
    if (fields) return { kind: 'meta', fields };
    const rule = boilerplateRule(line, { head: i < head });
    return rule ? { kind: 'chrome', rule: rule.id, reason: rule.reason } : { kind: 'content' };
  });
  absorbNeighbours(units, verdicts);
  absorbLabelValues(units, verdicts);
  absorbNavigationRows(units, verdicts);
  removeColumnHeadings(units, verdicts, head);
  removeFooter(units, verdicts);

  const blocks: Block[] = [];
  const pieces: Piece[] = [];
  const metadata: MetaLine[] = [];
  units.forEach((original, i) => {
    let unit = original;
    const verdict = verdicts[i]!;
    if (unit.type === 'removed') {
      pieces.push({ source: unit.text, fate: 'removed', line: unit.line, rule: unit.rule, reason: unit.reason });
      return;
    }
    if (unit.type === 'table') {
      const source = tableText(unit.rows);
      const fields = tableAsMetadata(unit.rows);
      if (fields) {
        metadata.push({ fields, line: unit.line, text: source });
        pieces.push({ source, fate: 'front-matter', line: unit.line, rule: 'metadata-table', reason: '元数据表格', field: fieldsSummary(fields) });
        return;
      }
      pieces.push({ source, fate: 'body', line: unit.line, block: blocks.length });
      blocks.push({ kind: 'table', inlines: [], rows: unit.rows, line: unit.line });
      return;
    }
    const source = inlineText(unit.inlines);
    if (verdict.kind === 'meta') {
      metadata.push({ fields: verdict.fields, line: unit.line, text: source.trim() });
      pieces.push({ source, fate: 'front-matter', line: unit.line, rule: 'metadata', reason: `元数据行（${verdict.fields.map((f) => f.label).join('、')}）`, field: fieldsSummary(verdict.fields) });
      return;
    }
    if (verdict.kind === 'chrome') {
      pieces.push({ source, fate: 'removed', line: unit.line, rule: verdict.rule, reason: verdict.reason });
      if (verdict.rule === 'prev-next' || verdict.rule === 'navigation-bar') {
        const fields = embeddedMetadata(source);
        if (fields.length > 0) metadata.push({ fields, line: unit.line, text: source.trim(), embedded: true });
      }
      return;
    }
    const tail = trailingChrome(unit.inlines);
    if (tail) {
      pieces.push({ source: inlineText(tail.kept), fate: 'body', line: unit.line, block: blocks.length });
      pieces.push({ source: tail.removed, fate: 'removed', line: unit.line, rule: 'trailing-link', reason: '段末的附件/打印链接文字' });
      unit = { ...unit, inlines: tail.kept };
    } else {
      pieces.push({ source, fate: 'body', line: unit.line, block: blocks.length });
    }
    if (unit.heading) {
      blocks.push({ kind: 'heading', depth: unit.heading, inlines: unit.inlines, line: unit.line });
    } else if (unit.listItem) {
      blocks.push({ kind: 'list-item', ordered: unit.listItem.ordered, inlines: unit.inlines, line: unit.line });
    } else {
      blocks.push({ kind: 'paragraph', inlines: unit.inlines, line: unit.line });
    }
  });
  return {
    format: html ? 'html' : 'text',
    blocks,
    pieces,
    metadata,
    ...('title' in converted && converted.title ? { htmlTitle: converted.title } : {}),
    ...('declared' in converted ? { declared: converted.declared, links: converted.links } : {}),
    textContent: converted.textContent,
  };
}

function fieldsSummary(fields: MetaField[]): string {
  return [...new Set(fields.map((f) => FIELD_OF[f.target]))].join(', ');
}
