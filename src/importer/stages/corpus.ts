/**
 * The corpus Markdown format (LawRefBook): `# 标题`, dated history lines
 * (…会议通过, …修正, …施行), `<!-- INFO END -->`, `## 第X章`, `第X条 …`.
 * Read as `rule` documents: title, date (the file name's version date, else
 * the latest history line), effective date, status and issuer come from the
 * header; the body goes on to the common clean and structure stages.
 */
import type { Block, Inline, Piece } from '../types.ts';
import type { DetectedMeta } from '../meta.ts';
import type { Extracted } from './extract.ts';
import { findDates } from '../../lib/chinese-date.ts';
import { parseDivisionHeading } from '../../lib/legal-structure.ts';
import { resolveRegion } from '../region.ts';
import { enactingBody as issuerOf } from '../detect/issuer.ts';

const INFO_END = /<!--\s*INFO END\s*-->/;
const COMMENT = /<!--[\s\S]*?-->/g;
const HISTORY = /^(\d{4}年\d{1,2}月\d{1,2}日)\s*(.*)$/;

/** True for text in the corpus format: the INFO END marker, or `# 标题` followed by a dated history line. */
export function isCorpusMarkdown(text: string): boolean {
  if (INFO_END.test(text)) return true;
  const lines = text.split('\n').filter((l) => l.trim() !== '').slice(0, 8);
  return /^#\s+\S/.test(lines[0] ?? '') && lines.slice(1).some((l) => HISTORY.test(l.trim()));
}

/** `名称(2022-01-10).md` → key 名称, date 2022-01-10: versions of one law share the key. */
export function corpusVersionKey(fileName: string): { key: string; date?: string } {
  const base = fileName.replace(/\.md$/i, '');
  const m = /^(.*)\((\d{4}-\d{2}-\d{2})\)$/.exec(base);
  return m ? { key: m[1]!, date: m[2]! } : { key: base };
}

/** Options for reading one corpus file. */
export interface CorpusOptions {
  today: string;
  /** The date of a newer version of the same law in this batch, if any. */
  newerVersion?: (key: string, date: string | undefined) => string | undefined;
}

interface HistoryEvent {
  date: string;
  text: string;
  line: number;
}

/** Reads a corpus document into the extract stage's shape plus the metadata its header states. */
export function extractCorpus(text: string, fileName: string, options: CorpusOptions): { extracted: Extracted; preset: Partial<DetectedMeta> } {
  const lines = text.split('\n');
  const pieces: Piece[] = [];
  const blocks: Block[] = [];
  const preset: Partial<DetectedMeta> = { type: { value: 'rule', how: '语料格式（# 标题 / 沿革行 / INFO END），按规则导入' } };
  const events: HistoryEvent[] = [];
  const markerLine = lines.findIndex((l) => INFO_END.test(l));
  let inHeader = true;
  let table: { rows: Inline[][][]; line: number } | undefined;

  const flushTable = () => {
    if (table) blocks.push({ kind: 'table', inlines: [], rows: table.rows, line: table.line });
    table = undefined;
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    // Comments are markup notes, never content; in the ledger they stand where they stood: before the line's text or after it.
    let rest = raw;
    const after: Piece[] = [];
    for (const comment of raw.match(COMMENT) ?? []) {
      const piece: Piece = { source: comment, fate: 'removed', line, rule: INFO_END.test(comment) ? 'corpus-marker' : 'comment', reason: INFO_END.test(comment) ? '语料格式标记 INFO END' : 'HTML 注释' };
      const at = rest.indexOf(comment);
      const leading = rest.slice(0, at).trim() === '';
      rest = rest.slice(0, at) + rest.slice(at + comment.length);
      if (leading) pieces.push(piece);
      else after.push(piece);
    }
    readLine(rest, i, line);
    pieces.push(...after);
  });

  function readLine(rest: string, i: number, line: number): void {
    const trimmed = rest.trim();
    if (trimmed === '') return;
    if (inHeader && (markerLine === -1 ? i > 0 && !HISTORY.test(trimmed) && !/^#\s/.test(trimmed) : i > markerLine)) inHeader = false;
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (inHeader) {
      if (heading && !preset.title) {
        pieces.push({ source: heading[1]!, fate: 'markup', line }, { source: heading[2]!, fate: 'front-matter', line, field: 'title', rule: 'corpus-title', reason: '标题行' });
        preset.title = { value: heading[2]!.trim(), how: `第${line}行：# 标题` };
        return;
      }
      if (heading && !preset.subtitle) {
        pieces.push({ source: heading[1]!, fate: 'markup', line }, { source: heading[2]!, fate: 'front-matter', line, field: 'subtitle', rule: 'corpus-subtitle', reason: '副标题行' });
        preset.subtitle = { value: heading[2]!.trim(), how: `第${line}行：# 副标题` };
        return;
      }
      const history = HISTORY.exec(trimmed);
      const date = history ? findDates(history[1]!)[0] : undefined;
      if (history && date?.kind === 'date') events.push({ date: date.value, text: history[2]!, line });
      pieces.push({ source: rest, fate: 'front-matter', line, field: 'date, effective, status, issuer', rule: history ? 'corpus-history' : 'corpus-header', reason: history ? '沿革行（通过/修正/施行）' : '题注行' });
      return;
    }
    if (/^\|/.test(trimmed)) {
      if (/^\|[\s:|-]+\|?$/.test(trimmed)) {
        pieces.push({ source: rest, fate: 'markup', line });
        return;
      }
      const cells = trimmed.replace(/^\||\|$/g, '').split('|').map((c) => [{ text: c.trim() }]);
      table ??= { rows: [], line };
      // The pipes are table syntax, the cells are body text; the ledger keeps them apart, in order.
      for (const token of rest.split(/(\|)/)) {
        if (token === '|') pieces.push({ source: token, fate: 'markup', line });
        else if (token !== '') pieces.push({ source: token, fate: 'body', line, block: blocks.length });
      }
      table.rows.push(cells);
      return;
    }
    flushTable();
    if (heading) {
      pieces.push({ source: heading[1]!, fate: 'markup', line }, { source: heading[2]!, fate: 'body', line, block: blocks.length });
      blocks.push({ kind: 'heading', depth: Math.max(2, heading[1]!.length), inlines: [{ text: heading[2]! }], line });
      return;
    }
    pieces.push({ source: rest, fate: 'body', line, block: blocks.length });
    blocks.push({ kind: 'paragraph', inlines: [{ text: rest }], line });
  }
  flushTable();
  markTableOfContents(blocks);

  const { key, date: fileDate } = corpusVersionKey(fileName);
  const enacted = events.filter((e) => !/施行/.test(e.text) && !/(废止|失效)[）)\s　]*$/.test(e.text.replace(/《[^》]*》/g, '')));
  const latest = [...enacted].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (fileDate) preset.date = { value: fileDate, how: `文件名中的版本日期 (${fileDate})` };
  else if (latest) preset.date = { value: latest.date, how: `第${latest.line}行：最近的沿革行"${latest.text}"` };
  const inForce = events.filter((e) => /施行/.test(e.text)).at(-1);
  if (inForce) preset.effective = { value: inForce.date, how: `第${inForce.line}行：${inForce.text}` };
  const first = enacted[0];
  const issuer = first ? issuerOf(first.text) : undefined;
  if (first && issuer) preset.issuer = { value: issuer, how: `第${first.line}行：首条沿革行"${first.text}"` };
  const order = events.map((e) => /([\u4e00-\u9fa5]{2,20}令[（(]?第[\d一二三四五六七八九十百千]+号[）)]?)/.exec(e.text)?.[1]).find(Boolean);
  if (order) preset.doc_number = { value: order, how: '沿革行中的令号' };

  // 《国务院关于废止和修改部分行政法规的决定》第二次修订 amends; only a line whose own verb is 废止/失效 abolishes.
  const ownVerb = (text: string) => text.replace(/《[^》]*》/g, '').trim();
  const abolished = events.find((e) => /(废止|失效)[）)\s　]*$/.test(ownVerb(e.text)) && !/修订|修正|修改/.test(ownVerb(e.text)));
  const newer = options.newerVersion?.(key, fileDate);
  if (abolished) preset.status = { value: '已废止', how: `第${abolished.line}行：${abolished.text}` };
  else if (inForce && inForce.date > options.today) preset.status = { value: '尚未生效', how: `施行日期 ${inForce.date} 晚于导入日 ${options.today}` };
  else if (newer) preset.status = { value: '已修订', how: `同批导入中有更新版本（${key}，${newer}）` };
  else preset.status = { value: '现行有效', how: '无废止记录，同批导入中无更新版本' };

  if (preset.title) {
    const region = resolveRegion(
      [
        { label: '标题', text: preset.title.value },
        { label: '制定机关', text: preset.issuer?.value ?? '' },
      ],
      `${preset.title.value}\n${preset.issuer?.value ?? ''}`,
    );
    if (region.region) preset.region = { value: region.region, how: region.how };
    else preset.regionNote = region.how;
  }
  return { extracted: { format: 'text', blocks, pieces, metadata: [], textContent: text }, preset };
}

/**
 * Some files repeat their chapter list as a table of contents: a run of two or
 * more chapter lines, each of which appears again later. It stays as a list,
 * not as duplicate headings.
 */
function markTableOfContents(blocks: Block[]): void {
  const labels = blocks.map((b) => (b.kind === 'table' ? undefined : parseDivisionHeading(b.inlines.map((x) => x.text).join(''))?.label));
  const repeated = labels.map((label, i) => label !== undefined && labels.indexOf(label, i + 1) !== -1);
  let i = 0;
  while (i < blocks.length) {
    let j = i;
    while (j < blocks.length && repeated[j]) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) blocks[k] = { ...blocks[k]!, kind: 'list-item', ordered: false, depth: undefined };
    }
    i = Math.max(j, i + 1);
  }
}
