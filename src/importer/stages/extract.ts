/**
 * Stage 2, extract: decoded text → body blocks, metadata lines and the
 * ledger of everything removed. HTML and plain text meet in one sequence of
 * units, so the same line rules find breadcrumbs, page tools, advertising and
 * disclaimers in both.
 */
import type { Block, Inline, Piece } from '../types.ts';
import { boilerplateRule, isHeaderFragment } from '../rules/boilerplate.ts';
import { parseMetadataLine, type MetaField, type MetaTarget } from '../rules/metadata.ts';
import { htmlToUnits, looksLikeHtml } from './extract-html.ts';
import { inlineText, tableText, type Unit } from './units.ts';

/** A metadata line (or table row) and the fields read from it. */
export interface MetaLine {
  fields: MetaField[];
  line: number;
  text: string;
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
  /** The input's text content (see accounting.ts for the definition). */
  textContent: string;
}

const FIELD_OF: Record<MetaTarget, string> = {
  date: 'date',
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
  const verdicts: Verdict[] = units.map((unit) => {
    if (unit.type !== 'line') return { kind: 'content' };
    const line = inlineText(unit.inlines);
    const fields = parseMetadataLine(line);
    if (fields) return { kind: 'meta', fields };
    const rule = boilerplateRule(line);
    return rule ? { kind: 'chrome', rule: rule.id, reason: rule.reason } : { kind: 'content' };
  });
  absorbNeighbours(units, verdicts);

  const blocks: Block[] = [];
  const pieces: Piece[] = [];
  const metadata: MetaLine[] = [];
  units.forEach((unit, i) => {
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
      return;
    }
    pieces.push({ source, fate: 'body', line: unit.line, block: blocks.length });
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
    textContent: converted.textContent,
  };
}

function fieldsSummary(fields: MetaField[]): string {
  return [...new Set(fields.map((f) => FIELD_OF[f.target]))].join(', ');
}
