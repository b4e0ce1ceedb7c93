/**
 * The structure of a rule (规则/办法/条例): 编, 分编, 章, 节 as divisions;
 * 条 (articles, 第十二条之一 included), 款 (the paragraphs of an article),
 * 项 （一）, 目 1. inside them. The parser reads a flat list of blocks (the
 * top level of a Markdown document), so the remark plugin, `npm run check`
 * and the corpus test all read a rule the same way, and it reports what is
 * odd about the numbering with the line where it happens.
 */
import { formatChineseNumber, parseChineseNumber } from '../chinese-numerals.ts';
import { parseArticleStart, parseDivisionHeading, type DivisionKind } from '../legal-structure.ts';
import { articleId, divisionIds, itemId, paragraphId, subitemId } from './anchors.ts';

/** One top-level block of a document, as the parser needs it. */
export interface StructureBlock {
  /** `heading` and `paragraph` carry structure; `break` (a thematic break) ends an article; `other` (table, list, quote…) belongs to the article it is in. */
  kind: 'heading' | 'paragraph' | 'break' | 'other';
  /** Heading level 1–6, for headings. */
  depth?: number;
  /** Plain text of the block. */
  text: string;
  /** Text of bold type at the very start of the block, e.g. `第八条` in `**第八条**　…`. */
  strongLead?: string;
  /** 1-based line in the source. */
  line?: number;
}

/** A division of a rule: 第一编, 第一分编, 第二章　总则, 第三节. */
export interface RuleDivision {
  kind: DivisionKind;
  /** As written, e.g. 第二章. */
  label: string;
  number: number;
  /** e.g. 总则 (spaces inside the title removed: 总　则 → 总则). */
  title: string;
  /** Anchor: the label when it is unique in the document, else qualified by its parents, e.g. 第二编第一章. */
  id: string;
  /** Id of the enclosing division, e.g. the chapter of a section. */
  parent?: string;
  /** Index of the block that is the heading. */
  block: number;
  line?: number;
}

/** 目: 1. / 1． / （1） under a 项. */
export interface RuleSubItem {
  /** As written, e.g. （一） or 1. */
  label: string;
  number: number;
  /** e.g. 第十条第一款第二项. */
  id: string;
  block: number;
  line?: number;
  /** The whole line, label included. */
  text: string;
}

/** 项: （一）… under a 款, with its 目. */
export interface RuleItem extends RuleSubItem {
  subitems: RuleSubItem[];
}

/** 款: one paragraph of an article. */
export interface RuleParagraph {
  /** 1-based: 第一款 is 1. */
  index: number;
  /** e.g. 第八条第二款. */
  id: string;
  /** Index of its block; -1 for a 款 that is only 项 (an article heading followed straight by （一）). */
  block: number;
  line?: number;
  /** Text of the paragraph; the first 款 without the article number. */
  text: string;
  items: RuleItem[];
}

/** 条: one article. */
export interface RuleArticle {
  /** Exactly as written, e.g. 第十二条之一. */
  label: string;
  /** 12 for 第十二条之一. */
  number: number;
  /** 1 for 第十二条之一, 0 for 第十二条. */
  sub: number;
  /** Anchor, e.g. 第十二条之一; a repeated label gets -2, -3. */
  id: string;
  /** Index of the block that opens the article. */
  block: number;
  /** Index of its last block. */
  lastBlock: number;
  line?: number;
  /** True when the article number is a heading of its own (### 第八条). */
  heading: boolean;
  /** Text after the number in an article heading, e.g. 【会议制度】. */
  caption?: string;
  /** Separator written after the number in the first paragraph, e.g. a full-width space; empty when none. */
  separator: string;
  /** Id of the innermost division (chapter or section) the article is in. */
  division?: string;
  paragraphs: RuleParagraph[];
}

/** Severity of a structure finding: errors break anchors, warnings ask a look, notes only inform. */
export type StructureSeverity = 'error' | 'warning' | 'note';

/** Something odd in a rule's structure, with where it is. */
export interface StructureProblem {
  /** e.g. `rule/duplicate-article`. */
  ruleId: string;
  severity: StructureSeverity;
  /** The article or division concerned, e.g. 第九条. */
  label: string;
  line?: number;
  message: string;
}

/** The structure of one rule. */
export interface RuleStructure {
  divisions: RuleDivision[];
  articles: RuleArticle[];
  /** Blocks that repeat the chapter list as a table of contents (not divisions, no anchors). */
  tocBlocks: number[];
  problems: StructureProblem[];
}

const ITEM = /^[（(]([一二三四五六七八九十百]+)[）)]/;
const SUBITEM = /^(?:([0-9０-９]+)[.．、]|[（(]([0-9０-９]+)[）)])/;
const APPENDIX = /^(附件|附表|附录)[\d一二三四五六七八九十]*(?:[：:\s\u3000]|$)/;
const DIVISION_LABEL = /第[零〇一二三四五六七八九十百千两\d]+(?:分编|编|章|节)/g;
const DIVISION_RANK: Record<DivisionKind, number> = { 编: 0, 分编: 1, 章: 2, 节: 3 };

interface ArticleStart {
  label: string;
  number: number;
  sub: number;
  separator: string;
  rest: string;
}

/** `第十二条之一　…` → label, number 12, sub 1, the separator and the rest; undefined when the text opens no article. */
export function parseArticleLabel(text: string): ArticleStart | undefined {
  const trimmed = text.replace(/^[\s\u3000]+/, '');
  const start = parseArticleStart(trimmed);
  if (!start) return undefined;
  const subMatch = /之(.+)$/.exec(start.label);
  const sub = subMatch ? parseChineseNumber(subMatch[1]!) : 0;
  if (sub === undefined) return undefined;
  const after = trimmed.slice(start.label.length);
  const separator = /^[\s\u3000]*/.exec(after)![0];
  return { label: start.label, number: start.number, sub, separator, rest: after.slice(separator.length) };
}

/** The label of a 编/章/节 heading or a lone division line, with a flag for a table-of-contents line listing several. */
function divisionOf(block: StructureBlock): { heading: ReturnType<typeof parseDivisionHeading>; tocLine: boolean } {
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return { heading: undefined, tocLine: false };
  const text = block.text.trim();
  const labels = text.match(DIVISION_LABEL) ?? [];
  // "第一章 总则 第二章 任免范围 …" on one line is a table of contents.
  if (labels.length >= 2 && text.startsWith(labels[0]!) && text.length < 200 && !/[，。；]/.test(text)) {
    return { heading: undefined, tocLine: true };
  }
  const heading = parseDivisionHeading(text);
  // A paragraph is a division only when it is nothing but one (第一章　总则).
  if (heading && block.kind === 'paragraph' && text.length > 30) return { heading: undefined, tocLine: false };
  return { heading, tocLine: false };
}

/**
 * Division lines that are a table of contents: a run of division lines with
 * nothing between them in which two of one kind stand side by side (第一章
 * straight after 第二章 cannot be a real, empty chapter) and some label comes
 * again later; plus any line listing several divisions.
 */
function findTableOfContents(blocks: readonly StructureBlock[], divisions: ReadonlyArray<ReturnType<typeof parseDivisionHeading>>, tocLines: Set<number>): Set<number> {
  const toc = new Set(tocLines);
  let i = 0;
  while (i < blocks.length) {
    let j = i;
    while (j < blocks.length && divisions[j] !== undefined) j++;
    // The list may run straight into the real first chapter: it ends where a label comes round again.
    const seen = new Set<string>();
    let end = i;
    while (end < j && !seen.has(divisions[end]!.label)) seen.add(divisions[end++]!.label);
    if (end - i >= 2) {
      const run = divisions.slice(i, end);
      const sideBySide = run.some((d, k) => k > 0 && d!.kind === run[k - 1]!.kind);
      const later = new Set(divisions.slice(end).flatMap((d) => (d ? [d.label] : [])));
      if (sideBySide && run.some((d) => later.has(d!.label))) for (let k = i; k < end; k++) toc.add(k);
    }
    i = Math.max(j, i + 1);
  }
  return toc;
}

/** Text after an article number in a heading that reads as a sentence (本办法自公布之日起施行。), not a caption (【适用范围】). */
function isSentence(text: string): boolean {
  return /[。；：，]/.test(text) || text.length > 30;
}

function keyOf(article: { number: number; sub: number }): string {
  return `${article.number}.${article.sub}`;
}

/** Parses the blocks of a rule into divisions and articles and checks the numbering. */
export function parseRuleStructure(blocks: readonly StructureBlock[]): RuleStructure {
  const divisionLines = blocks.map(divisionOf);
  const labels = divisionLines.map((d) => d.heading?.label);
  const tocBlocks = findTableOfContents(
    blocks,
    divisionLines.map((d) => d.heading),
    new Set(divisionLines.flatMap((d, i) => (d.tocLine ? [i] : []))),
  );
  const problems: StructureProblem[] = [];
  const divisions: Array<Omit<RuleDivision, 'id' | 'parent'> & { parentIndex?: number }> = [];
  const stack: number[] = [];
  const articles: RuleArticle[] = [];
  const seenArticleIds = new Map<string, number>();
  const divisionOfArticle = new Map<RuleArticle, number>();
  let current: RuleArticle | undefined;
  let paragraph: RuleParagraph | undefined;
  let item: RuleItem | undefined;

  const close = () => {
    current = undefined;
    paragraph = undefined;
    item = undefined;
  };
  const expectedNext = (): { number: number; sub: number } | undefined => {
    const last = articles.at(-1);
    return last && { number: last.number + 1, sub: 0 };
  };

  blocks.forEach((block, index) => {
    if (tocBlocks.has(index)) {
      close();
      return;
    }
    const division = divisionLines[index]!.heading;
    if (division) {
      close();
      const rank = DIVISION_RANK[division.kind];
      while (stack.length > 0 && DIVISION_RANK[divisions[stack.at(-1)!]!.kind] >= rank) stack.pop();
      divisions.push({ ...division, block: index, line: block.line, parentIndex: stack.at(-1) });
      stack.push(divisions.length - 1);
      return;
    }
    if (block.kind === 'break') {
      close();
      return;
    }
    const text = block.text.replace(/^[\s\u3000]+/, '');
    const start = block.kind === 'heading' || block.kind === 'paragraph' ? parseArticleLabel(text) : undefined;
    if (start) {
      const bold = block.strongLead !== undefined && block.strongLead.trim().startsWith(start.label);
      const next = expectedNext();
      const isNext = !next || (start.number === next.number && start.sub === 0) || (articles.at(-1)!.number === start.number && start.sub === articles.at(-1)!.sub + 1);
      // "第三条规定的…" opening a paragraph is a sentence, unless the number is set apart or is the one expected.
      if (block.kind === 'heading' || bold || start.separator !== '' || start.rest === '' || isNext) {
        const count = (seenArticleIds.get(start.label) ?? 0) + 1;
        seenArticleIds.set(start.label, count);
        const id = count === 1 ? articleId(start.label) : `${articleId(start.label)}-${count}`;
        const innermost = stack.at(-1);
        current = {
          label: start.label,
          number: start.number,
          sub: start.sub,
          id,
          block: index,
          lastBlock: index,
          line: block.line,
          heading: block.kind === 'heading',
          separator: start.separator,
          paragraphs: [],
          ...(block.kind === 'heading' && start.rest && !isSentence(start.rest) ? { caption: start.rest } : {}),
        };
        articles.push(current);
        if (innermost !== undefined) divisionOfArticle.set(current, innermost);
        item = undefined;
        paragraph = undefined;
        // A heading that holds the article's whole first sentence is its first 款.
        if (block.kind === 'paragraph' || (start.rest && isSentence(start.rest))) {
          paragraph = { index: 1, id: paragraphId(id, 1), block: index, line: block.line, text: start.rest, items: [] };
          current.paragraphs.push(paragraph);
        }
        return;
      }
    }
    if (block.kind === 'heading' || (block.kind === 'paragraph' && APPENDIX.test(text))) {
      close();
      return;
    }
    if (!current) return;
    current.lastBlock = index;
    if (block.kind === 'other') {
      // Tables and lists belong to the paragraph they follow.
      if (paragraph) paragraph.text += `\n${block.text}`;
      return;
    }
    const itemMatch = ITEM.exec(text);
    if (itemMatch) {
      if (!paragraph) {
        // 项 straight after an article heading: a 款 with no lead-in sentence, and no block of its own.
        paragraph = { index: current.paragraphs.length + 1, id: paragraphId(current.id, current.paragraphs.length + 1), block: -1, line: block.line, text: '', items: [] };
        current.paragraphs.push(paragraph);
      }
      const number = parseChineseNumber(itemMatch[1]!) ?? paragraph.items.length + 1;
      item = { label: itemMatch[0], number, id: itemId(paragraph.id, number), block: index, line: block.line, text, subitems: [] };
      paragraph.items.push(item);
      return;
    }
    const subMatch = SUBITEM.exec(text);
    if (subMatch && (item || paragraph)) {
      const number = parseChineseNumber(subMatch[1] ?? subMatch[2]!) ?? 0;
      if (item) {
        item.subitems.push({ label: subMatch[0], number, id: subitemId(item.id, number), block: index, line: block.line, text });
      } else if (paragraph) {
        // A numbered list straight under a 款 is part of that 款, not a new one.
        paragraph.text += `\n${text}`;
      }
      return;
    }
    item = undefined;
    const n = current.paragraphs.length + 1;
    paragraph = { index: n, id: paragraphId(current.id, n), block: index, line: block.line, text, items: [] };
    current.paragraphs.push(paragraph);
  });

  const ids = divisionIds(divisions.map((d) => ({ kind: d.kind, label: d.label, parent: d.parentIndex })));
  const finalDivisions: RuleDivision[] = divisions.map(({ parentIndex, ...d }, i) => ({
    ...d,
    id: ids[i]!,
    ...(parentIndex !== undefined ? { parent: ids[parentIndex]! } : {}),
  }));
  for (const [article, index] of divisionOfArticle) article.division = ids[index]!;
  problems.push(...numberingProblems(articles));
  if (tocBlocks.size > 0) {
    const first = [...tocBlocks].sort((a, b) => a - b)[0]!;
    problems.push({
      ruleId: 'rule/table-of-contents',
      severity: 'note',
      label: labels[first] ?? '目录',
      line: blocks[first]!.line,
      message: `the chapter list is repeated as a table of contents (${tocBlocks.size} line${tocBlocks.size > 1 ? 's' : ''}); it is shown as text and gets no anchors`,
    });
  }
  return { divisions: finalDivisions, articles, tocBlocks: [...tocBlocks].sort((a, b) => a - b), problems };
}

function labelFor(number: number, sub = 0): string {
  return `第${formatChineseNumber(number)}条${sub ? `之${formatChineseNumber(sub)}` : ''}`;
}

/** Numbering findings: duplicates, gaps, articles out of order, a first article other than 第一条. */
export function numberingProblems(articles: readonly RuleArticle[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const seen = new Map<string, RuleArticle>();
  let previous: RuleArticle | undefined;
  for (const article of articles) {
    const key = keyOf(article);
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        ruleId: 'rule/duplicate-article',
        severity: 'error',
        label: article.label,
        line: article.line,
        message: `${article.label} appears twice (first${earlier.line ? ` at line ${earlier.line}` : ''}); this one gets the anchor ${article.id}. Fix the number if it is a typing error`,
      });
    } else if (!previous) {
      if (article.number !== 1 || article.sub !== 0) {
        problems.push({
          ruleId: 'rule/first-article',
          severity: 'note',
          label: article.label,
          line: article.line,
          message: `numbering starts at ${article.label}, not 第一条 (normal for one part of a code)`,
        });
      }
    } else if (article.sub > 0) {
      const follows = article.number === previous.number && article.sub === previous.sub + 1;
      if (!follows) {
        problems.push({
          ruleId: article.number === previous.number && article.sub > previous.sub ? 'rule/numbering-gap' : 'rule/out-of-order',
          severity: 'warning',
          label: article.label,
          line: article.line,
          message: `${article.label} follows ${previous.label}; expected ${labelFor(article.number, article.number === previous.number ? previous.sub + 1 : 0)} before it`,
        });
      }
    } else if (article.number === previous.number + 1) {
      // The expected next article.
    } else if (article.number > previous.number + 1) {
      const from = labelFor(previous.number + 1);
      const to = labelFor(article.number - 1);
      problems.push({
        ruleId: 'rule/numbering-gap',
        severity: 'warning',
        label: article.label,
        line: article.line,
        message: `${article.label} follows ${previous.label}: ${from === to ? `${from} is` : `${from} to ${to} are`} missing. If the source has the same gap, leave it`,
      });
    } else {
      problems.push({
        ruleId: 'rule/out-of-order',
        severity: 'warning',
        label: article.label,
        line: article.line,
        message: `${article.label} follows ${previous.label}: numbering goes backwards`,
      });
    }
    if (!earlier) seen.set(key, article);
    previous = article;
  }
  return problems;
}

/** The text of an article for comparing versions: its 款 one per line, each 项 and 目 on its own line. */
export function articleText(article: RuleArticle): string {
  const lines: string[] = [];
  if (article.caption) lines.push(article.caption);
  for (const paragraph of article.paragraphs) {
    if (paragraph.text) lines.push(paragraph.text);
    for (const item of paragraph.items) {
      lines.push(item.text);
      for (const sub of item.subitems) lines.push(sub.text);
    }
  }
  return lines.join('\n');
}
