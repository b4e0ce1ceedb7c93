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
import { withoutCellBars } from '../text/view.ts';
import { CONTENT_OPENER } from '../rules/boilerplate.ts';
import { resolveRegion } from '../region.ts';
import { ARTICLE_CONTEXT, DOC_NUMBER, isDocNumberLine, isOrgLine, isTitleLike, kindFromTitle } from '../detect/patterns.ts';
import { chooseTitle, hasTitleShape, isColumnName, titleKey, type HeadLine } from '../detect/title.ts';
import { chooseDate, metaDate, type DateCandidate, type DateSource } from '../detect/dates.ts';
import { adoptionNote, titleIssuer } from '../detect/issuer.ts';
import type { Detected } from '../types.ts';
import type { DeclaredMeta } from './extract-html.ts';

/** What structure needs besides the cleaned blocks. */
export interface StructureInput {
  blocks: Block[];
  metadata: MetaLine[];
  /** Text of removed breadcrumbs and page headers: hints for the kind (会刊, 研究). */
  context: string[];
  htmlTitle?: { value: string; line: number };
  /** What an HTML page declares (ArticleTitle, <title> without the site name, PubDate, ContentSource, ColumnName). */
  declared?: DeclaredMeta;
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
  /** Block index → why the block is page chrome after all (a repeated title): removed, listed in the report. */
  dropped: Map<number, { rule: string; reason: string }>;
  meta: DetectedMeta;
  flags: QualityFlag[];
}

const blockTexts = new WeakMap<Block, string>();
/** A block's text; read many times per document, so computed once per block. */
const textOf = (block: Block): string => {
  let text = blockTexts.get(block);
  if (text === undefined) {
    text = block.inlines.map((i) => i.text).join('');
    blockTexts.set(block, text);
  }
  return text;
};

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
        const prefix = text.length - article.rest.length;
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


/** Index (in `live`) of the first block of the text proper: a sentence of prose, an article, a salutation. */
function bodyStart(live: Array<{ b: Block }>): number {
  const i = live.findIndex(({ b }) => {
    if (b.kind === 'table' || b.kind === 'list-item') return false;
    const text = textOf(b).trim();
    return (text.length >= 40 && /[，。；,]/.test(text)) || CONTENT_OPENER.test(text) || (/[：:]$/.test(text) && text.length <= 60 && !/^[【\[]/.test(text));
  });
  return i < 0 ? live.length : i;
}


/** 科工法字[2000] 851号 → 科工法字〔2000〕851号: the year in 〔〕, no spaces. */
export function normaliseDocNumber(text: string): string {
  return text.replace(/\s+/g, '').replace(/[\[［(（〔](\d{4})[\]］)）〕]/, '〔$1〕');
}

/** A real value, not a placeholder (--, 暂无, 无) or a site's internal code (81201). */
const hasValue = (value: string) => /[\u4e00-\u9fa5]/.test(value) && !/^(暂无|无|不详|空)$/.test(value.trim());

/** Labelled dates on a 政府信息公开 table or law-database block date the document; on a byline, the page. */
const DOC_TARGETS = new Set(['doc-number', 'effective', 'status', 'abolished', 'issuer']);

function dateCandidates(metadata: MetaLine[]): DateCandidate[] {
  const found: DateCandidate[] = [];
  for (const line of metadata) {
    const near = metadata.filter((other) => !other.embedded && Math.abs(other.line - line.line) <= 8);
    // A law database's 发布日期 is the promulgation; a 信息公开 table's (索引号, 成文日期 beside it) is the posting.
    const publicInfo = near.some((other) => other.fields.some((f) => /索引号|信息分类|主题分类|成文日期|生成日期/.test(f.label)));
    const nearDocFields = !publicInfo && metadata.some((other) => !other.embedded && Math.abs(other.line - line.line) <= 2 && other.fields.some((f) => DOC_TARGETS.has(f.target) && f.value !== ''));
    for (const field of line.fields) {
      if (field.target !== 'date' && field.target !== 'doc-date') continue;
      const value = metaDate(field.value);
      if (!value) continue;
      const source: DateSource = line.embedded ? 'embedded' : field.target === 'doc-date' ? 'doc-field' : field.label !== '' && nearDocFields ? 'listed' : 'page';
      found.push({ value, source, how: `元数据行（第${line.line}行）：${line.text}` });
    }
  }
  return found;
}

/** Counts 第X条 that open a block or follow a sentence's end (a rule copied as one long line). */
function articleCount(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    n += (textOf(b).match(/(?:^|[\s。；：])第[一二三四五六七八九十百千零〇两\d]+条[\s\u3000]/g) ?? []).length;
  }
  return n;
}

/** Reads metadata and structure; pure. */
export function structure(input: StructureInput): Structured {
  const { metadata, script, overrides, preset = {} } = input;
  const blocks = input.blocks;
  const consumed = new Map<number, string>();
  const dropped = new Map<number, { rule: string; reason: string }>();
  const flags: QualityFlag[] = [];
  const meta: Partial<DetectedMeta> = { ...preset };
  const live = () => blocks.map((b, i) => ({ b, i })).filter(({ b, i }) => !consumed.has(i) && !dropped.has(i) && (b.rows || textOf(b).trim() !== ''));
  const uncertain = (field: string, note: string, candidates: string[]) => flags.push({ kind: 'uncertain', field, note, ...(candidates.length > 0 ? { candidates } : {}) });

  // The head: the lines before the text proper, where titles, bylines and letterheads stand.
  const all = live();
  const start = bodyStart(all);
  const lineAfter = (k: number) => all[k + 1]?.b.line ?? Infinity;
  const ownMeta = metadata.filter((m) => !m.embedded);
  const head: HeadLine[] = all
    .slice(0, Math.min(start, 25))
    .map(({ b, i }, k) => ({ b, i, k }))
    .filter(({ b }) => b.kind === 'paragraph' || b.kind === 'heading')
    .map(({ b, i, k }) => ({
      block: i,
      text: withoutCellBars(textOf(b)),
      line: b.line,
      ...(b.kind === 'heading' && (b.depth ?? 1) <= 2 ? { heading: true } : {}),
      ...(ownMeta.some((m) => m.line > b.line && m.line < lineAfter(k)) ? { bylineAfter: true } : {}),
      ...(k === start - 1 ? { lastBeforeBody: true } : {}),
    }));

  let aboveTitle: Detected | undefined;
  if (!meta.title) {
    const declared = metadata.flatMap((m) => m.fields.filter((f) => f.target === 'title' && f.value).map((f) => ({ value: f.value, how: `元数据【${f.label}】（第${m.line}行）` })));
    const page = input.declared;
    for (const [key, label] of [['articleTitle', 'ArticleTitle 元标签'], ['ogTitle', 'og:title 元标签'], ['title', '网页 <title>（去掉站名）'], ['h1', '网页 <h1>']] as const) {
      const d = page?.[key];
      if (d && toSimplified(d.value).trim()) declared.push({ value: toSimplified(d.value).trim(), how: `${label}（第${d.line}行）` });
    }
    if (!page?.title && input.htmlTitle) declared.push({ value: input.htmlTitle.value, how: `网页 <title>（第${input.htmlTitle.line}行）` });
    const values = ownMeta.flatMap((m) => m.fields.filter((f) => ['source-name', 'author', 'issuer', 'unmapped'].includes(f.target) && f.value).map((f) => f.value));
    // A 标题/名称 field naming a line further down (a rule printed after its promulgation notice): that line is the title.
    const fieldTitle = declared.find((d) => d.how.startsWith('元数据'));
    const inHead = fieldTitle && head.some((h) => titleKey(h.text) === titleKey(fieldTitle.value));
    const later = fieldTitle && !inHead ? all.slice(0, 60).find(({ b }) => titleKey(withoutCellBars(textOf(b))) === titleKey(fieldTitle.value)) : undefined;
    const choice = later
      ? { value: withoutCellBars(textOf(later.b)), how: `第${later.b.line}行：与${fieldTitle!.how}相同`, sure: true, others: [], blocks: [later.i], repeats: [] }
      : chooseTitle(head, { declared, chrome: input.context, values });
    if (choice) {
      meta.title = { value: choice.value, how: choice.how };
      for (const b of choice.blocks) consumed.set(b, 'title');
      for (const b of choice.repeats) dropped.set(b, { rule: 'title-repeat', reason: '重复的标题' });
      // Above the title, a column's or site's name is page chrome.
      const found = head.findIndex((h) => choice.blocks.includes(h.block));
      // A title found below the head (after a promulgation notice) has the whole head above it.
      const first = found < 0 ? head.length : found;
      const named = [input.declared?.columnName?.value, input.declared?.siteName?.value].filter((v): v is string => !!v).map((v) => toSimplified(v).trim());
      for (const h of head) if (!choice.blocks.includes(h.block) && named.includes(h.text.trim())) dropped.set(h.block, { rule: 'column-heading', reason: '网页声明的栏目名或站名' });
      for (const h of head.slice(0, Math.max(first, 0))) if (isColumnName(h.text)) dropped.set(h.block, { rule: 'column-heading', reason: '标题上方的栏目名或站名' });
      // The issuing units printed on the line above the title (中共望川市委 望川市人民政府).
      const above = found > 0 ? head[found - 1] : undefined;
      if (above && !dropped.has(above.block) && above.text.split(/[\s\u3000]+/).every((u) => isOrgLine(u) || /^中共.{1,20}委$/.test(u))) {
        aboveTitle = { value: above.text.replace(/[\s\u3000]+/g, ' ').trim(), how: `第${above.line}行：标题上方的发文机关` };
        consumed.set(above.block, 'issuer');
      }
      if (!choice.sure) uncertain('title', `标题不确定：取"${choice.value}"（${choice.how}）`, choice.others);
    }
  }
  const pageTitle = input.declared?.articleTitle ?? input.declared?.title;
  if (!meta.title && pageTitle) {
    meta.title = { value: toSimplified(pageTitle.value).trim(), how: pageTitle.how };
    uncertain('title', `正文前没有标题行，标题取自网页声明"${pageTitle.value}"`, []);
  }
  const firstIdx = all[0]?.i;
  if (!meta.title && firstIdx !== undefined) {
    const lead = textOf(blocks[firstIdx]!);
    const m = /^[^，。,]*?\d{1,2}月\d{1,2}日[^，。,]{0,4}[，,]\s*([^，。]{4,40}?(?:召开|举行|开幕|闭幕))。/.exec(lead);
    if (m) {
      meta.title = { value: m[1]!, how: `第${blocks[firstIdx]!.line}行：原文无标题，取自首句"${m[0]}"` };
      flags.push({ kind: 'other', note: `原文无标题，标题"${m[1]}"取自首句` });
    }
  }
  if (!meta.title) {
    // A file name of spaces or dots names nothing: the document is then 无标题, flagged.
    const name = input.fileName.replace(/\.[^.]+$/, '').replace(/_[0-9a-f]{8,}$/, '').trim() || input.fileName.trim() || '无标题';
    meta.title = { value: name, how: '原文无标题，取自文件名' };
    flags.push({ kind: 'other', note: `原文无标题，标题取自文件名"${input.fileName}"` });
    uncertain('title', `页首没有可作标题的行，标题暂取文件名"${name}"`, head.map((h) => h.text).filter((t) => t.length <= 60).slice(0, 3));
  }
  const title = meta.title.value;

  // Kind: the title, then the text's shape (articles), then breadcrumb context, then the lead sentence; article by default.
  const articles = articleCount(blocks);
  if (!meta.type) {
    // A subtitle opening with a dash often names the kind the main title does not (——在…会议上的讲话).
    const afterTitle = live().find(({ i }) => i > Math.max(...[...consumed.keys()], -1));
    const dashed = afterTitle && /^[—–]/.test(textOf(afterTitle.b).trim()) ? textOf(afterTitle.b).trim() : '';
    const byTitle = kindFromTitle(title) ?? (dashed ? kindFromTitle(dashed.replace(/^[—–]+/, '')) : undefined);
    const contextHit = input.context.find((c) => ARTICLE_CONTEXT.test(c));
    const leadText = textOf(live()[0]?.b ?? { kind: 'paragraph', inlines: [], line: 0 });
    // 论…：…准则 is a study of rules, not a rule: without articles a rule-like title of an essay is an article.
    const essay = /^论|[:：]/.test(title) && articles < 2;
    if (byTitle && !(byTitle.type === 'rule' && essay)) {
      meta.type = { value: byTitle.type, how: `${byTitle.why}："${title}"` };
      if (byTitle.type === 'rule' && articles === 0) uncertain('type', `类型按标题定为rule，但正文没有"第X条"`, ['article']);
    } else if (articles >= 3) meta.type = { value: 'rule', how: `正文有${articles}个"第X条"` };
    else if (contextHit) meta.type = { value: 'article', how: `栏目/面包屑为期刊或研究："${contextHit.trim().slice(0, 60)}"` };
    else if (/^[^。]{0,40}(召开|举行)[^。]{0,30}会议|会议[^。]{0,4}召开/.test(leadText)) {
      meta.type = { value: 'meeting-report', how: '首句报道会议召开' };
      uncertain('type', '类型仅凭首句报道会议召开定为meeting-report', ['article']);
    } else {
      meta.type = { value: 'article', how: '未见讲话、规则、意见、决定、通知或会议报道的特征，按文章处理' };
      // Doubt only where the text shows another kind's marks; most articles show none.
      const hint = /讲话|致辞|意见|通知|决定|决议|办法|规定|规则|条例/.test(title) ? `标题含有其他类型的字样："${title}"` : articles > 0 ? `正文有${articles}个"第X条"` : /^[^。]{0,60}(召开|举行)/.test(leadText) ? '首句报道会议' : undefined;
      if (hint) uncertain('type', `类型按文章处理，但${hint}`, []);
    }
  }
  const normative = ['rule', 'notice', 'opinion', 'decision'].includes(meta.type.value);

  // The lines right after the title: letterhead issuer, document number, date line, speaker, subtitle.
  const titleEnd = Math.max(...[...consumed.keys()], -1);
  const dates: DateCandidate[] = [];
  let letterhead: Detected | undefined = aboveTitle;
  for (const { b, i } of live().filter(({ i }) => i > titleEnd).slice(0, 4)) {
    if (preset.title) break;
    const text = withoutCellBars(textOf(b));
    if (b.kind !== 'paragraph' && b.kind !== 'heading') break;
    if (!letterhead && !meta.issuer && isOrgLine(text)) {
      letterhead = { value: text, how: `第${b.line}行：署名行` };
      consumed.set(i, 'issuer');
      continue;
    }
    // An order's number over two lines: 望川市人民政府令 ↵ 第52号; the unit before 令 issued it.
    const order = /^(.{2,30}?)令$/.exec(text);
    const nextBlock = live().find(({ i: j }) => j > i);
    if (order && !meta.doc_number && nextBlock && /^[（(]?第[一二三四五六七八九十百千零〇\d]+号[）)]?$/.test(textOf(nextBlock.b).trim())) {
      meta.doc_number = { value: `${text}${textOf(nextBlock.b).trim().replace(/[（()）]/g, '')}`, how: `第${b.line}行：令的编号` };
      if (!letterhead && isOrgLine(order[1]!)) letterhead = { value: order[1]!, how: `第${b.line}行：令的发布机关` };
      consumed.set(i, 'doc_number');
      consumed.set(nextBlock.i, 'doc_number');
      continue;
    }
    if (!meta.doc_number && isDocNumberLine(text)) {
      meta.doc_number = { value: normaliseDocNumber(text), how: `第${b.line}行：发文字号行` };
      consumed.set(i, 'doc_number');
      continue;
    }
    // （合发〔2009〕19号 2009年6月21日） under a title: the number and the date in one bracket.
    const numbered = /^[（(]\s*(\S*?[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*号)\s*[，,、]?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]$/.exec(text);
    if (numbered && !meta.doc_number) {
      const d = findDates(numbered[2]!)[0];
      meta.doc_number = { value: normaliseDocNumber(numbered[1]!), how: `第${b.line}行：标题下的文号与日期` };
      if (d) dates.push({ value: d.value, source: 'signature', how: `第${b.line}行：标题下的文号与日期` });
      consumed.set(i, 'doc_number');
      continue;
    }
    const dateLine = /^[（(]\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*[）)]$/.exec(text);
    if (dateLine) {
      const d = findDates(dateLine[1]!)[0];
      if (d?.kind === 'date') {
        dates.push({ value: d.value, source: 'dateline', how: `第${b.line}行：标题下的日期行` });
        consumed.set(i, 'date');
        continue;
      }
    }
    // The speaker under a speech's title, alone or after the post held: 县委书记　王建明.
    const speaker = /^(?:[\u4e00-\u9fa5、，,]{2,30}?(?:书记|主任|市长|县长|区长|省长|乡长|镇长|主席|部长|局长|厅长|委员长|总理|秘书长|院长|检察长|常委|代表)[\s\u3000]+)?([\u4e00-\u9fa5]{2,4})$/.exec(text.replace(/[\s\u3000]+(?=[\u4e00-\u9fa5]$)/, ''));
    if (meta.type.value === 'speech' && !meta.speaker && speaker) {
      meta.speaker = { value: speaker[1]!, how: `第${b.line}行：标题下的讲话人` };
      consumed.set(i, 'speaker');
      continue;
    }
    const division = parseDivisionHeading(text) !== undefined;
    const dash = /^[—–-]{1,2}[^—–-]{2,}/.test(text) && hasTitleShape(text.replace(/^[—–-]+\s*/, ''));
    if (!meta.subtitle && !division && !/^[（(【]/.test(text) && (dash || (consumed.size === 1 && isTitleLike(text) && text.length >= 6 && !kindFromTitle(text)))) {
      meta.subtitle = { value: text.replace(/^[—–-]+\s*/, ''), how: `第${b.line}行：标题后的副题` };
      consumed.set(i, 'subtitle');
      continue;
    }
    break;
  }

  // Adoption notes （…会议通过）, also wrapped over two lines, and signature dates with the unit signing above them.
  const rest = live();
  let adoption: { date: string; body?: string; verb: string; line: number } | undefined;
  let signature: { date: string; line: number; org?: string } | undefined;
  rest.slice(0, 40).forEach(({ b }, k) => {
    const text = withoutCellBars(textOf(b));
    if (!adoption) {
      const note = adoptionNote(text) ?? (rest[k + 1] ? adoptionNote(`${text}${textOf(rest[k + 1]!.b)}`) : undefined);
      if (note) adoption = { ...note, line: b.line };
    }
    if (!signature) {
      const d = findDates(text)[0];
      if (d && d.index === 0 && d.text.length >= text.length - 1 && /日$/.test(d.text)) {
        const above = rest[k - 1] ? withoutCellBars(textOf(rest[k - 1]!.b)) : '';
        signature = { date: d.value, line: b.line, ...(isOrgLine(above) ? { org: above } : {}) };
      }
    }
  });
  if (adoption) {
    const d = findDates(adoption.date)[0];
    if (d) dates.push({ value: d.value, source: 'adoption', how: `第${adoption.line}行：题注"${adoption.date}…${adoption.verb}"` });
  }
  if (signature) dates.push({ value: signature.date, source: 'signature', how: `第${signature.line}行：落款日期` });

  // Metadata lines.
  const metaIssuer = metaValue(metadata, 'issuer', script);
  const issuerField = metaIssuer && hasValue(metaIssuer.value) ? metaIssuer : undefined;
  const fromTitle = titleIssuer(title);
  const issuers: Array<Detected | undefined> = normative
    ? [adoption?.body ? { value: adoption.body, how: `第${adoption.line}行：题注中的通过机关` } : undefined, issuerField, fromTitle ? { value: fromTitle, how: `标题"${title}"中的发文机关` } : undefined, signature?.org ? { value: signature.org, how: `第${signature.line - 1}行：落款机关` } : undefined, letterhead]
    : [issuerField, fromTitle ? { value: fromTitle, how: `标题"${title}"中的发文机关` } : undefined, letterhead];
  if (!meta.issuer) meta.issuer = issuers.find((x) => x !== undefined);
  if (!meta.issuer) {
    const author = metaValue(metadata.filter((m) => !m.embedded), 'author', script);
    if (author && isOrgLine(author.value)) meta.issuer = author;
  }
  const docNumber = metaValue(metadata, 'doc-number', script);
  if (docNumber && /\d/.test(docNumber.value) && hasValue(docNumber.value)) meta.doc_number = { value: normaliseDocNumber(docNumber.value), how: docNumber.how };
  const sourceName = metaValue(metadata.filter((m) => !m.embedded), 'source-name', script);
  // A site's internal code (sp20241101) names no source.
  if (sourceName && !/^[A-Za-z]{0,4}\d+$/.test(sourceName.value)) meta.source_name = sourceName;
  const declaredSource = input.declared?.contentSource ?? input.declared?.siteName;
  if (!meta.source_name && declaredSource) meta.source_name = { value: toSimplified(declaredSource.value).trim(), how: declaredSource.how };
  const sourceUrl = metaValue(metadata, 'source-url', script);
  if (sourceUrl && /^https?:\/\/\S+$/.test(sourceUrl.value)) meta.source_url = sourceUrl;
  const effective = metaValue(metadata, 'effective', script);
  const effectiveDate = effective ? metaDate(effective.value) : undefined;
  if (effective && effectiveDate) meta.effective = { value: effectiveDate, how: effective.how };
  const status = metaValue(metadata, 'status', script);
  if (status && (STATUSES as readonly string[]).includes(status.value)) meta.status = status;
  const abolished = metaValue(metadata, 'abolished', script);
  if (!meta.status && abolished && metaDate(abolished.value)) meta.status = { value: '已废止', how: abolished.how };
  if (!meta.doc_number) {
    const headText = live().slice(0, 3).map(({ b }) => textOf(b)).join('\n');
    const m = DOC_NUMBER.exec(headText);
    if (m && headText.indexOf(m[0]) < 40) meta.doc_number = { value: normaliseDocNumber(m[0]), how: `正文开头的发文字号"${m[0]}"` };
  }

  // Date: chosen by kind among the page's dates; the lead sentence (which may lack a year); a closing date.
  dates.push(...dateCandidates(metadata));
  const pubDate = input.declared?.pubDate ? metaDate(input.declared.pubDate.value) : undefined;
  if (pubDate) dates.push({ value: pubDate, source: 'page', how: input.declared!.pubDate!.how });
  if (!meta.date && !meta.date_note) {
    const lead = live()[0];
    const found = firstDate(lead ? textOf(lead.b).slice(0, 30) : '');
    if (lead && found && found.index <= 2) {
      if (found.kind === 'date') dates.push({ value: found.value, source: 'lead', how: `第${lead.b.line}行：首句日期"${found.text}"` });
      else if (dates.length === 0) {
        meta.date_note = { value: `原文仅有"${found.text}"`, how: `第${lead.b.line}行：首句日期"${found.text}"没有年份` };
        flags.push({ kind: 'year-unknown', note: `原文仅有"${found.text}"，未写年份；不推测年份` });
      }
    }
  }
  if (!meta.date && !meta.date_note && dates.length === 0) {
    const last = live().at(-1);
    const text = last ? textOf(last.b).trim() : '';
    const d = findDates(text)[0];
    if (last && d && d.text.length >= text.length - 2) dates.push({ value: d.value, source: 'signature', how: `第${last.b.line}行：文末日期` });
  }
  if (!meta.date && !meta.date_note) {
    const chosen = chooseDate(dates, meta.type.value, meta.doc_number?.value);
    if (chosen.date) {
      meta.date = { value: chosen.date.value, how: chosen.date.how };
      if (chosen.doubt) uncertain('date', `日期不确定：${chosen.doubt}`, chosen.others);
    }
  }
  if (!meta.date && !meta.date_note) flags.push({ kind: 'date-unknown', note: '原文未写日期' });

  // Speaker and meeting from the title.
  const speech = /^(?:([\u4e00-\u9fa5]{2,4})(?:同志)?[：:\s]*)?在(.{2,40}?(?:会议|大会|座谈会|会|仪式|典礼|论坛|活动|培训班))上的/.exec(title);
  if (speech && !meta.meeting) meta.meeting = { value: speech[2]!, how: `标题"${title}"` };
  if (speech?.[1] && !meta.speaker) meta.speaker = { value: speech[1], how: `标题"${title}"` };
  const convened = /^(.{2,20}?)(?:召开|举行)(.{2,30}?(?:会议|大会|座谈会))$/.exec(title) ?? /^(.{2,30}?(?:会议|大会|座谈会))(?:召开|举行)$/.exec(title);
  if (convened && !meta.meeting && meta.type.value === 'meeting-report') {
    meta.meeting = { value: convened[2] ? `${convened[1]}${convened[2]}` : convened[1]!, how: `标题"${title}"` };
  }
  // 关于印发《…》的通知 carries a rule: its name is how others cite the text inside.
  const carried = /^(?:.{0,40}?)关于(?:印发|发布|颁布|转发)《([^》]{4,80})》的通知$/.exec(title);
  if (carried && !meta.aliases) meta.aliases = { value: [carried[1]!], how: `标题"${title}"印发的文件` };

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

  // Each judged field says how sure the importer is: unsure exactly where it wrote an uncertain flag.
  for (const field of ['title', 'type', 'date', 'issuer', 'doc_number'] as const) {
    const detected = meta[field];
    if (detected) detected.confidence = flags.some((f) => f.kind === 'uncertain' && f.field === field) ? 'unsure' : 'sure';
  }
  applyOverrides(meta as DetectedMeta, overrides, flags);
  const legal = meta.type!.value === 'rule' || blocks.filter((b) => parseArticleStart(textOf(b))).length >= 3;
  const structured = recoverHeadings(blocks, legal);
  return { blocks: structured, consumed, dropped, meta: meta as DetectedMeta, flags };
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
