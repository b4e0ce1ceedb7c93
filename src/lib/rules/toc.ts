/**
 * The table of contents of a rule: divisions nested as they are (编 › 章 › 节)
 * with their articles, each article shown with the first words of its text.
 */
import type { RuleStructure } from './structure.ts';

/** One line of the table of contents. */
export interface TocNode {
  kind: 'division' | 'article';
  /** Anchor, e.g. 第一章 or 第八条. */
  id: string;
  /** e.g. 第一章 or 第八条. */
  label: string;
  /** Division title (总则) or the first words of the article. */
  text: string;
  /** Number of articles inside (divisions). */
  articles: number;
  children: TocNode[];
  /** Position in the document, for ordering. */
  block: number;
}

/** The first words of a text, cut at the first pause or `length` characters. */
export function preview(text: string, length = 18): string {
  const first = text.split('\n')[0]!.replace(/^[\s\u3000]+/, '');
  const pause = first.search(/[，。；：,;:]/);
  const cut = pause > 0 && pause <= length ? first.slice(0, pause) : first.slice(0, length);
  return cut.length < first.length ? `${cut}…` : cut;
}

/** The nested table of contents of a rule. */
export function tocTree(structure: Pick<RuleStructure, 'divisions' | 'articles'>): TocNode[] {
  const root: TocNode[] = [];
  const byId = new Map<string, TocNode>();
  for (const d of structure.divisions) {
    const node: TocNode = { kind: 'division', id: d.id, label: d.label, text: d.title, articles: 0, children: [], block: d.block };
    byId.set(d.id, node);
    (d.parent ? byId.get(d.parent)?.children ?? root : root).push(node);
  }
  for (const a of structure.articles) {
    const node: TocNode = {
      kind: 'article',
      id: a.id,
      label: a.label,
      text: preview(a.caption ?? a.paragraphs[0]?.text ?? a.paragraphs[0]?.items[0]?.text ?? ''),
      articles: 0,
      children: [],
      block: a.block,
    };
    (a.division ? byId.get(a.division)?.children ?? root : root).push(node);
  }
  const finish = (nodes: TocNode[]): TocNode[] => {
    nodes.sort((a, b) => a.block - b.block);
    for (const node of nodes) {
      if (node.kind === 'division') node.articles = finish(node.children).reduce((n, c) => n + (c.kind === 'article' ? 1 : c.articles), 0);
    }
    return nodes;
  };
  return finish(root);
}
