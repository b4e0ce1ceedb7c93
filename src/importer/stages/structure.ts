/**
 * Stage 4, structure: recovers headings and reads the document's metadata
 * (title, subtitle, date with its precision, issuer, region, type, document
 * number, speaker, meeting, source) from metadata lines and the first blocks.
 * Blocks that become front matter (title, subtitle, byline) are returned as
 * `consumed`, so the ledger can say where their text went.
 */
import type { Block, Inline, QualityFlag } from '../types.ts';
import type { DetectedMeta, Overrides } from '../meta.ts';
import type { MetaLine } from './extract.ts';
import { STATUSES } from '../../schemas/document.ts';
import { findDates, firstDate } from '../../lib/chinese-date.ts';
import { numberedHeadingLevel, parseArticleStart, parseDivisionHeading } from '../../lib/legal-structure.ts';
import { toSimplified } from '../text/chars.ts';
import { resolveRegion } from '../region.ts';
import { ARTICLE_CONTEXT, DOC_NUMBER, isDocNumberLine, isOrgLine, isTitleLike, kindFromTitle } from '../detect/patterns.ts';

/** What structure needs besides the cleaned blocks. */
export interface StructureInput {
  blocks: Block[];
  metadata: MetaLine[];
  /** Text of removed breadcrumbs and page headers: hints for the kind (会刊, 研究). */
  context: string[];
  htmlTitle?: { value: string; line: number };
  /** Input file name, the title of last resort. */
  fileName: string;
  script: 'zh-Hans' | 'zh-Hant';
  overrides: Overrides;
  /** Values another reader already knows for sure (the corpus format's title and dates). */
  preset?: Partial<DetectedMeta>;
}

/** The body with recovered headings, the detected metadata and date flags. */
export interface Structured {
  /** Same length and order as the input blocks; consumed ones are not rendered. */
  blocks: Block[];
  /** Block index → front-matter field it became. */
  consumed: Map<number, string>;
  meta: DetectedMeta;
  flags: QualityFlag[];
}

const textOf = (block: Block) => block.inlines.map((i) => i.text).join('');

function setText(block: Block, text: string): Block {
  return { ...block, inlines: [{ text }] };
}

/** Replaces the first characters of a block's text, keeping its inline marks where it can. */
function replacePrefix(block: Block, prefixLength: number, replacement: string): Block {
  const inlines: Inline[] = [];
  let remaining = prefixLength;
  for (const inline of block.inlines) {
    if (remaining <= 0 || inline.garbled) {
      inlines.push(inline);
      continue;
    }
    const cut = Math.min(remaining, inline.text.length);
    remaining -= cut;
    const rest = inline.text.slice(cut);
    if (rest) inlines.push({ ...inline, text: rest });
  }
  return { ...block, inlines: [{ text: replacement }, ...inlines] };
}

function metaValue(metadata: MetaLine[], target: string, script: StructureInput['script']) {
  for (const line of metadata) {
    for (const field of line.fields) {
      if (field.target === target && field.value) {
        const value = script === 'zh-Hant' ? toSimplified(field.value) : field.value;
        return { value, how: `元数据行（第${line.line}行）：${line.text}` };
      }
    }
  }
  return undefined;
}

/** Recovers headings: 章/节 and articles in rules, 一、/（一） elsewhere. */
function recoverHeadings(blocks: Block[], legal: boolean): Block[] {
  const kinds = new Set<string>();
  if (legal) for (const b of blocks) { const d = parseDivisionHeading(textOf(b)); if (d && b.kind !== 'table') kinds.add(d.kind); }
  const order = (['编', '分编', '章', '节'] as const).filter((k) => kinds.has(k));
  return blocks.map((block) => {
    if (block.kind === 'table' || block.kind === 'list-item') return block;
    const text = textOf(block);
    if (legal) {
      const division = parseDivisionHeading(text);
      if (division && (block.kind === 'paragraph' || block.kind === 'heading')) {
        const depth = Math.min(4, 2 + order.indexOf(division.kind));
        return { ...setText(block, division.title ? `${division.label}\u3000${division.title}` : division.label), kind: 'heading', depth };
      }
      const article = parseArticleStart(text);
      if (article && block.kind === 'paragraph' && !block.inlines.some((i) => i.garbled)) {
        // 第一条　… : one ideographic space after the article number, as printed codes have it.
        const prefix = text.length - text.replace(/^第[^条]+条[\s\u3000]*/, '').length;
        return article.rest ? replacePrefix(block, prefix, `${article.label}\u3000`) : block;
      }
      return block.kind === 'heading' ? { ...block, kind: 'paragraph', depth: undefined } : block;
    }
    if (block.kind === 'heading') return { ...block, depth: Math.max(2, Math.min(4, block.depth ?? 2)) };
    const level = numberedHeadingLevel(text);
    // A heading is short and one phrase; "（一）加强领导。各级党委要…" is a paragraph with a lead-in.
    if (level && text.length <= 60 && !/[。；！？]/.test(text.replace(/[。；]$/, ''))) {
      return { ...block, kind: 'heading', depth: level };
    }
    return block;
  });
}

/** Reads metadata and structure; pure. */
export function structure(input: StructureInput): Structured {
  const { metadata, script, overrides, preset = {} } = input;
  const blocks = input.blocks;
  const consumed = new Map<number, string>();
  const flags: QualityFlag[] = [];
  const meta: Partial<DetectedMeta> = { ...preset };
  const live = () => blocks.map((b, i) => ({ b, i })).filter(({ b, i }) => !consumed.has(i) && (b.rows || textOf(b).trim() !== ''));

  // Title: an <h1> or the first title-like block; else a lead sentence "…召开。"; else <title>; else the file name.
  let firstIdx = live()[0]?.i;
  if (!meta.title && firstIdx !== undefined) {
    const first = blocks[firstIdx]!;
    const text = textOf(first).trim();
    if ((first.kind === 'heading' && (first.depth ?? 1) <= 2) || (first.kind === 'paragraph' && isTitleLike(text))) {
      meta.title = { value: text, how: `第${first.line}行：首个标题样式的行` };
      consumed.set(firstIdx, 'title');
    }
  }
  if (!meta.title && firstIdx !== undefined) {
    const lead = textOf(blocks[firstIdx]!);
    const m = /^[^，。,]*?\d{1,2}月\d{1,2}日[^，。,]{0,4}[，,]\s*([^，。]{4,40}?(?:召开|举行|开幕|闭幕))。/.exec(lead);
    if (m) {
      meta.title = { value: m[1]!, how: `第${blocks[firstIdx]!.line}行：原文无标题，取自首句"${m[0]}"` };
      flags.push({ kind: 'other', note: `原文无标题，标题"${m[1]}"取自首句` });
    }
  }
  if (!meta.title && input.htmlTitle) {
    meta.title = { value: input.htmlTitle.value, how: `网页 <title>（第${input.htmlTitle.line}行）` };
  }
  if (!meta.title) {
    const name = input.fileName.replace(/\.[^.]+$/, '').replace(/_[0-9a-f]{8,}$/, '').trim() || input.fileName;
    meta.title = { value: name, how: '原文无标题，取自文件名' };
    flags.push({ kind: 'other', note: `原文无标题，标题取自文件名"${input.fileName}"` });
  }

  // Subtitle, byline, date line, document number: the blocks right after the title.
  const typeGuess = meta.type?.value ?? kindFromTitle(meta.title.value)?.type;
  for (const { b, i } of live().slice(0, 3)) {
    if (preset.title) break;
    const text = textOf(b).trim();
    if (b.kind !== 'paragraph' && b.kind !== 'heading') break;
    if (!meta.issuer && isOrgLine(text)) {
      meta.issuer = { value: text, how: `第${b.line}行：署名行` };
      consumed.set(i, 'issuer');
      continue;
    }
    if (!meta.doc_number && isDocNumberLine(text)) {
      meta.doc_number = { value: text.replace(/\s+/g, ''), how: `第${b.line}行：发文字号行` };
      consumed.set(i, 'doc_number');
      continue;
    }
    const dateLine = /^[（(]\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*[）)]$/.exec(text);
    if (dateLine && !meta.date) {
      const d = findDates(dateLine[1]!)[0];
      if (d?.kind === 'date') {
        meta.date = { value: d.value, how: `第${b.line}行：标题下的日期行` };
        consumed.set(i, 'date');
        continue;
      }
    }
    if (typeGuess === 'speech' && !meta.speaker && /^[\u4e00-\u9fa5]{2,4}$/.test(text)) {
      meta.speaker = { value: text, how: `第${b.line}行：标题下的讲话人` };
      consumed.set(i, 'speaker');
      continue;
    }
    const division = parseDivisionHeading(text) !== undefined;
    if (!meta.subtitle && !division && consumed.size === 1 && consumed.has(firstIdx ?? -1) && isTitleLike(text) && text.length >= 6) {
      meta.subtitle = { value: text, how: `第${b.line}行：标题后的副题` };
      consumed.set(i, 'subtitle');
      continue;
    }
    break;
  }

  // Metadata lines.
  const metaIssuer = metaValue(metadata, 'issuer', script);
  if (metaIssuer) meta.issuer = metaIssuer;
  if (!meta.issuer) {
    const author = metaValue(metadata, 'author', script);
    if (author && isOrgLine(author.value)) meta.issuer = author;
  }
  const docNumber = metaValue(metadata, 'doc-number', script);
  if (docNumber) meta.doc_number = docNumber;
  const sourceName = metaValue(metadata, 'source-name', script);
  if (sourceName) meta.source_name = sourceName;
  const sourceUrl = metaValue(metadata, 'source-url', script);
  if (sourceUrl && /^https?:\/\/\S+$/.test(sourceUrl.value)) meta.source_url = sourceUrl;
  const effective = metaValue(metadata, 'effective', script);
  const effectiveDate = effective ? findDates(effective.value)[0] : undefined;
  if (effective && effectiveDate) meta.effective = { value: effectiveDate.value, how: effective.how };
  const status = metaValue(metadata, 'status', script);
  if (status && (STATUSES as readonly string[]).includes(status.value)) meta.status = status;
  if (!meta.status && metaValue(metadata, 'abolished', script)) meta.status = { value: '已废止', how: metaValue(metadata, 'abolished', script)!.how };

  // Date: a metadata line, then the lead sentence (which may lack a year), then a closing signature date.
  if (!meta.date) {
    const dated = metaValue(metadata, 'date', script);
    const d = dated ? findDates(dated.value)[0] : undefined;
    if (dated && d) meta.date = { value: d.value, how: dated.how };
  }
  if (!meta.date && !meta.date_note) {
    const lead = live()[0];
    const leadText = lead ? textOf(lead.b) : '';
    const found = firstDate(leadText.slice(0, 30));
    if (lead && found && found.index <= 2) {
      if (found.kind === 'date') {
        meta.date = { value: found.value, how: `第${lead.b.line}行：首句日期"${found.text}"` };
      } else {
        meta.date_note = { value: `原文仅有"${found.text}"`, how: `第${lead.b.line}行：首句日期"${found.text}"没有年份` };
        flags.push({ kind: 'year-unknown', note: `原文仅有"${found.text}"，未写年份；不推测年份` });
      }
    }
  }
  if (!meta.date && !meta.date_note) {
    const last = live().at(-1);
    const text = last ? textOf(last.b).trim() : '';
    const d = findDates(text)[0];
    if (last && d && d.text.length >= text.length - 2) meta.date = { value: d.value, how: `第${last.b.line}行：文末日期` };
  }
  if (!meta.date && !meta.date_note) flags.push({ kind: 'date-unknown', note: '原文未写日期' });

  // Kind: title, then breadcrumb context, then the lead sentence; article by default.
  if (!meta.type) {
    const byTitle = kindFromTitle(meta.title.value);
    const contextHit = input.context.find((c) => ARTICLE_CONTEXT.test(c));
    const leadText = textOf(live()[0]?.b ?? { kind: 'paragraph', inlines: [], line: 0 });
    if (byTitle) meta.type = { value: byTitle.type, how: `${byTitle.why}："${meta.title.value}"` };
    else if (contextHit) meta.type = { value: 'article', how: `栏目/面包屑为期刊或研究："${contextHit.trim().slice(0, 60)}"` };
    else if (/^[^。]{0,40}(召开|举行)[^。]{0,30}会议|会议[^。]{0,4}召开/.test(leadText)) meta.type = { value: 'meeting-report', how: '首句报道会议召开' };
    else meta.type = { value: 'article', how: '未见讲话、规则、意见、决定、通知或会议报道的特征，按文章处理' };
  }

  // Speaker and meeting from the title.
  const title = meta.title.value;
  const speech = /^(?:([\u4e00-\u9fa5]{2,4})(?:同志)?[：:\s]*)?在(.{2,40}?(?:会议|大会|座谈会|会|仪式|典礼|论坛|活动|培训班))上的/.exec(title);
  if (speech && !meta.meeting) meta.meeting = { value: speech[2]!, how: `标题"${title}"` };
  if (speech?.[1] && !meta.speaker) meta.speaker = { value: speech[1], how: `标题"${title}"` };
  const convened = /^(.{2,20}?)(?:召开|举行)(.{2,30}?(?:会议|大会|座谈会))$/.exec(title) ?? /^(.{2,30}?(?:会议|大会|座谈会))(?:召开|举行)$/.exec(title);
  if (convened && !meta.meeting && meta.type.value === 'meeting-report') {
    meta.meeting = { value: convened[2] ? `${convened[1]}${convened[2]}` : convened[1]!, how: `标题"${title}"` };
  }
  if (!meta.doc_number) {
    const head = live().slice(0, 3).map(({ b }) => textOf(b)).join('\n');
    const m = DOC_NUMBER.exec(head);
    if (m && head.indexOf(m[0]) < 40) meta.doc_number = { value: m[0].replace(/\s+/g, ''), how: `正文开头的发文字号"${m[0]}"` };
  }

  // Region: issuer, title, subtitle, meeting, then the body.
  const bodyText = live().map(({ b }) => textOf(b)).join('\n');
  // A reader that knew the title (the corpus format) also decided the region; the body of a law names places it does not belong to.
  if (!meta.region && !preset.title) {
    const result = resolveRegion(
      [
        { label: '发文机关/署名', text: meta.issuer?.value ?? '' },
        { label: '标题', text: title },
        { label: '副题', text: meta.subtitle?.value ?? '' },
        { label: '会议', text: meta.meeting?.value ?? '' },
        { label: '正文', text: bodyText },
      ],
      `${title}\n${meta.issuer?.value ?? ''}\n${bodyText}`,
    );
    if (result.region) meta.region = { value: result.region, how: result.how };
    else meta.regionNote = result.how;
  }

  applyOverrides(meta as DetectedMeta, overrides, flags);
  const legal = meta.type!.value === 'rule' || blocks.filter((b) => parseArticleStart(textOf(b))).length >= 3;
  const structured = recoverHeadings(blocks, legal);
  return { blocks: structured, consumed, meta: meta as DetectedMeta, flags };
}

function applyOverrides(meta: DetectedMeta, overrides: Overrides, flags: QualityFlag[]): void {
  const was = (d?: { value: string }) => (d ? `（检测值"${d.value}"被覆盖）` : '（未检测到）');
  if (overrides.type) meta.type = { value: overrides.type, how: `命令行 --type ${was(meta.type)}` };
  if (overrides.region) meta.region = { value: overrides.region, how: `命令行 --region ${was(meta.region)}` };
  if (overrides.issuer) meta.issuer = { value: overrides.issuer, how: `命令行 --issuer ${was(meta.issuer)}` };
  if (overrides.sourceUrl) meta.source_url = { value: overrides.sourceUrl, how: `命令行 --source-url ${was(meta.source_url)}` };
  if (overrides.date) {
    meta.date = { value: overrides.date, how: `命令行 --date ${was(meta.date)}` };
    delete meta.date_note;
    for (let k = flags.length - 1; k >= 0; k--) if (flags[k]!.kind === 'year-unknown' || flags[k]!.kind === 'date-unknown') flags.splice(k, 1);
  }
}
