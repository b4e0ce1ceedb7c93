/**
 * Gives a rule its structure on the page. Each article becomes a
 * `<section class="article" id="第八条">` whose 款, 项 and 目 carry their own
 * anchors (第八条第二款, 第八条第二款第一项); chapters get `id="第一章"`. The
 * article number is set in bold, followed by a link that copies the article's
 * address (and, for a rule with versions, a link to the article's history).
 * `data-pagefind-title` on the section makes Pagefind return a hit inside
 * 第九条 as a sub-result pointing at `#第九条` (Pagefind 1.6 builds
 * sub-results from headings and from elements with an id and that attribute).
 *
 * Articles may be written as paragraphs (`第八条　…`, the number bold or not)
 * or as headings (`### 第八条`); both come out the same. The parsed structure
 * is stored for later plugins in `file.data.rule` and for pages in the front
 * matter Astro returns from `render()` (`remarkPluginFrontmatter.ruleStructure`).
 */
import type { Heading, Paragraph, Parent, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { blocksFromMdast, splitParagraphLines } from '../lib/rules/mdast.ts';
import { parseRuleStructure, type RuleArticle, type RuleStructure } from '../lib/rules/structure.ts';
import type { TextPlace } from '../lib/rules/references.ts';
import { articleHistoryUrl } from '../lib/rules/urls.ts';

declare module 'vfile' {
  interface DataMap {
    /** The structure of a rule, set by remarkRuleStructure. */
    rule: RuleStructure;
  }
}

declare module 'mdast' {
  interface ParagraphData {
    /** Where in the rule this paragraph stands; read by remarkRuleReferences. */
    rulePlace?: TextPlace;
  }
  interface RootContentMap {
    ruleArticle: RuleArticleNode;
  }
}

/** An article of a rule: rendered as `<section class="article">`. */
export interface RuleArticleNode extends Parent {
  type: 'ruleArticle';
  children: RootContent[];
  data: { hName: 'section'; hProperties: Record<string, string | string[] | boolean> };
}

/** Key under which the structure appears in `remarkPluginFrontmatter`. */
export const RULE_STRUCTURE_KEY = 'ruleStructure';

/** Options for {@link remarkRuleStructure}. */
export interface RuleStructureOptions {
  /** Document types read as rules (front matter `type`). Default: `['rule']`. */
  types?: readonly string[];
  /** Add the copy-link control after each article number. Default: true. */
  copyLinks?: boolean;
  /**
   * Address of an article's history, or undefined for none. Default: the
   * history page when the front matter has a `work` and an `id`.
   */
  historyHref?: (frontmatter: Record<string, unknown>, article: RuleArticle) => string | undefined;
}

function defaultHistoryHref(frontmatter: Record<string, unknown>, article: RuleArticle): string | undefined {
  const { work, id } = frontmatter;
  return typeof work === 'string' && typeof id === 'string' ? articleHistoryUrl(id, article.id) : undefined;
}

/** Removes the first `count` characters of text from inline content, descending into bold and emphasis. */
function dropLeadingText(children: readonly PhrasingContent[], count: number): PhrasingContent[] {
  let remaining = count;
  const out: PhrasingContent[] = [];
  for (const child of children) {
    if (remaining <= 0) {
      out.push(child);
      continue;
    }
    if (child.type === 'text' || child.type === 'inlineCode') {
      const cut = Math.min(remaining, child.value.length);
      remaining -= cut;
      const rest = child.value.slice(cut);
      if (rest) out.push({ ...child, value: rest });
    } else if ((child.type === 'strong' || child.type === 'emphasis' || child.type === 'delete') && 'children' in child) {
      const length = child.children.reduce((n, c) => n + ('value' in c ? String(c.value).length : 0), 0);
      const inner = dropLeadingText(child.children, remaining);
      remaining -= Math.min(remaining, length);
      if (inner.length > 0) out.push({ ...child, children: inner } as PhrasingContent);
    } else {
      out.push(child);
    }
  }
  return out;
}

function leadingLength(children: readonly PhrasingContent[]): number {
  const text = children.map((c) => ('value' in c ? c.value : 'children' in c ? (c.children as PhrasingContent[]).map((x) => ('value' in x ? x.value : '')).join('') : '')).join('');
  return text.length - text.replace(/^[\s\u3000]+/, '').length;
}

function text(value: string): Text {
  return { type: 'text', value };
}

function articleNumber(article: RuleArticle, tools: PhrasingContent[]): PhrasingContent[] {
  const number: Strong = { type: 'strong', children: [text(article.label)], data: { hProperties: { className: ['article-number'] } } };
  return [number, ...tools];
}

function toolsFor(article: RuleArticle, options: Required<Pick<RuleStructureOptions, 'copyLinks'>>, history: string | undefined): PhrasingContent[] {
  const links: PhrasingContent[] = [];
  if (options.copyLinks) {
    links.push({
      type: 'link',
      url: `#${article.id}`,
      children: [],
      data: { hProperties: { className: ['copy-link'], ariaLabel: `复制${article.label}的链接`, title: '复制本条链接' } },
    });
  }
  if (history) {
    links.push({
      type: 'link',
      url: history,
      children: [],
      data: { hProperties: { className: ['history-link'], ariaLabel: `${article.label}的历次版本`, title: '本条沿革' } },
    });
  }
  if (links.length === 0) return [];
  return [{ type: 'emphasis', children: links, data: { hName: 'span', hProperties: { className: ['article-tools'], dataPagefindIgnore: true } } }];
}

function withData(paragraph: Paragraph, id: string, className: string, place: TextPlace): Paragraph {
  return { ...paragraph, data: { ...paragraph.data, hProperties: { ...(paragraph.data?.hProperties ?? {}), id, className: [className] }, rulePlace: place } };
}

function paragraph0(article: RuleArticle, block: number): boolean {
  return article.paragraphs[0]?.block === block;
}

/** Rebuilds the blocks of one article as a section node. */
function articleNode(
  article: RuleArticle,
  index: number,
  nodes: readonly RootContent[],
  options: Required<Pick<RuleStructureOptions, 'copyLinks'>>,
  history: string | undefined,
): RuleArticleNode {
  const children: RootContent[] = [];
  const tools = toolsFor(article, options, history);
  const paragraphByBlock = new Map(article.paragraphs.map((p) => [p.block, p]));
  const itemByBlock = new Map(article.paragraphs.flatMap((p) => p.items.map((item) => [item.block, { paragraph: p, item }] as const)));
  const subByBlock = new Map(
    article.paragraphs.flatMap((p) => p.items.flatMap((item) => item.subitems.map((sub) => [sub.block, { paragraph: p, item, sub }] as const))),
  );
  let lead = articleNumber(article, tools);
  let lastPlace: TextPlace = { article: index };
  // A 款 made only of 项 has no paragraph of its own: the line with the article number carries its anchor.
  let implicit = article.paragraphs[0]?.block === -1 ? article.paragraphs[0].id : undefined;
  const leadParagraph = (children: PhrasingContent[], place: TextPlace): Paragraph => {
    const id = implicit;
    implicit = undefined;
    return { type: 'paragraph', children, data: { hProperties: { className: ['article-caption'], ...(id ? { id } : {}) }, rulePlace: place } };
  };
  for (let b = article.block; b <= article.lastBlock; b++) {
    const node = nodes[b]!;
    if (b === article.block && node.type === 'heading' && !paragraph0(article, b)) {
      if (article.caption) {
        const caption = dropLeadingText(node.children, article.label.length + leadingLength(node.children));
        const trimmed = dropLeadingText(caption, leadingLength(caption));
        children.push(leadParagraph([...lead, text('\u3000'), { type: 'strong', children: trimmed }], { article: index }));
        lead = [];
      }
      continue;
    }
    const paragraph = paragraphByBlock.get(b);
    if (paragraph && (node.type === 'paragraph' || node.type === 'heading')) {
      let content = node.children;
      if (b === article.block) {
        const skip = leadingLength(content) + article.label.length;
        content = dropLeadingText(content, skip);
        content = dropLeadingText(content, leadingLength(content));
      }
      lastPlace = { article: index, paragraph: paragraph.index };
      const inline = lead.length > 0 ? [...lead, text('\u3000'), ...content] : content;
      lead = [];
      children.push(withData({ type: 'paragraph', children: inline, ...(node.position ? { position: node.position } : {}) }, paragraph.id, 'paragraph', lastPlace));
      continue;
    }
    const item = itemByBlock.get(b);
    if (item && node.type === 'paragraph') {
      lastPlace = { article: index, paragraph: item.paragraph.index, item: item.item.number };
      // An article heading followed straight by 项 still shows its number.
      if (lead.length > 0) {
        children.push(leadParagraph(lead, { article: index }));
        lead = [];
      }
      children.push(withData(node, item.item.id, 'item', lastPlace));
      continue;
    }
    const sub = subByBlock.get(b);
    if (sub && node.type === 'paragraph') {
      children.push(withData(node, sub.sub.id, 'subitem', { ...lastPlace }));
      continue;
    }
    if (node.type === 'paragraph') {
      children.push({ ...node, data: { ...node.data, rulePlace: { ...lastPlace } } });
    } else {
      children.push(node);
    }
  }
  if (lead.length > 0) children.unshift(leadParagraph(lead, { article: index }));
  return {
    type: 'ruleArticle',
    children,
    data: { hName: 'section', hProperties: { className: ['article'], id: article.id, dataPagefindTitle: article.label } },
  };
}

/** Recognises 编/章/节 and articles in a rule, sets their anchors and wraps each article in a section. */
export function remarkRuleStructure(options: RuleStructureOptions = {}) {
  const types = new Set(options.types ?? ['rule']);
  const copyLinks = options.copyLinks ?? true;
  const historyHref = options.historyHref ?? defaultHistoryHref;
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro?.frontmatter ?? {}) as Record<string, unknown>;
    if (typeof frontmatter.type !== 'string' || !types.has(frontmatter.type)) return;

    tree.children = tree.children.flatMap((node): RootContent[] => (node.type === 'paragraph' ? splitParagraphLines(node) : [node]));
    const structure = parseRuleStructure(blocksFromMdast(tree));
    const nodes = tree.children;

    // Divisions: headings keep their level; a division written as a paragraph becomes a heading.
    const kinds = [...new Set(structure.divisions.map((d) => d.kind))];
    const rank = (kind: string) => ['编', '分编', '章', '节'].filter((k) => kinds.includes(k as never)).indexOf(kind);
    for (const division of structure.divisions) {
      const node = nodes[division.block]!;
      if (node.type === 'heading') {
        node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: division.id } };
      } else if (node.type === 'paragraph') {
        const heading: Heading = {
          type: 'heading',
          depth: Math.min(6, 2 + rank(division.kind)) as Heading['depth'],
          children: node.children,
          data: { hProperties: { id: division.id } },
          ...(node.position ? { position: node.position } : {}),
        };
        nodes[division.block] = heading;
      }
    }
    // A repeated chapter list must not take the chapters' anchors.
    for (const block of structure.tocBlocks) {
      const node = nodes[block]!;
      if (node.type === 'heading') {
        node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: `目录-${block}`, className: ['toc-line'] } };
      }
    }

    const out: RootContent[] = [];
    let next = 0;
    structure.articles.forEach((article, index) => {
      while (next < article.block) out.push(nodes[next++]!);
      out.push(articleNode(article, index, nodes, { copyLinks }, historyHref(frontmatter, article)));
      next = article.lastBlock + 1;
    });
    while (next < nodes.length) out.push(nodes[next++]!);
    tree.children = out;

    for (const problem of structure.problems) {
      if (problem.severity === 'note') continue;
      file.message(`${problem.label}: ${problem.message}`, {
        ...(problem.line ? { place: { line: problem.line, column: 1 } } : {}),
        ruleId: problem.ruleId,
        source: 'wenyuan',
      });
    }
    file.data.rule = structure;
    if (file.data.astro) file.data.astro.frontmatter = { ...frontmatter, [RULE_STRUCTURE_KEY]: structure };
  };
}
