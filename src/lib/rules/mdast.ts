/**
 * The bridge between Markdown syntax trees and the rule parser: the top-level
 * blocks of a document as {@link StructureBlock}s, and paragraphs that hold
 * several articles on consecutive lines split into one paragraph per line.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { StructureBlock } from './structure.ts';

/** The plain text of a node: its text, inline code and the text of its children. */
export function plainText(node: RootContent | Root | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) {
    const separator = node.type === 'list' || node.type === 'table' || node.type === 'tableRow' ? '\n' : '';
    return (node.children as RootContent[]).map((child) => plainText(child)).join(separator);
  }
  return '';
}

/** The text of bold type that opens a paragraph or heading, if any. */
function strongLead(children: readonly PhrasingContent[]): string | undefined {
  const first = children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return first?.type === 'strong' ? plainText(first) : undefined;
}

/** One {@link StructureBlock} per top-level node of the tree. */
export function blocksFromMdast(root: Root): StructureBlock[] {
  return root.children.map((node) => {
    const line = node.position?.start.line;
    const at = line === undefined ? {} : { line };
    if (node.type === 'heading') {
      const lead = strongLead(node.children);
      return { kind: 'heading', depth: node.depth, text: plainText(node), ...(lead !== undefined ? { strongLead: lead } : {}), ...at };
    }
    if (node.type === 'paragraph') {
      const lead = strongLead(node.children);
      return { kind: 'paragraph', text: plainText(node), ...(lead !== undefined ? { strongLead: lead } : {}), ...at };
    }
    if (node.type === 'thematicBreak') return { kind: 'break', text: '', ...at };
    return { kind: 'other', text: plainText(node), ...at };
  });
}

const LINE_START = /^[\s\u3000]*(?:第[零〇一二三四五六七八九十百千两\d０-９]+(?:条|章|节|编|分编)|[（(][一二三四五六七八九十]+[）)])/;

/**
 * Splits a paragraph at its line breaks when a later line starts an article,
 * a division or a 项: web copies often put articles on consecutive lines,
 * which Markdown reads as one paragraph. Inline nodes that span a break stay
 * with the line they start on.
 */
export function splitParagraphLines(paragraph: Paragraph): Paragraph[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'text' && child.value.includes('\n')) {
      const parts = child.value.split('\n');
      const start = child.position?.start;
      let offset = start?.offset;
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) {
          const node: Text = { type: 'text', value: part };
          // Positions are approximate (continuation lines may have lost their indent), but lines are right.
          if (start && offset !== undefined) {
            const at = { line: start.line + i, column: i === 0 ? start.column : 1, offset };
            node.position = { start: at, end: { line: at.line, column: at.column + part.length, offset: offset + part.length } };
          }
          lines.at(-1)!.push(node);
        }
        if (offset !== undefined) offset += part.length + 1;
      });
    } else if (child.type === 'break') {
      lines.push([]);
    } else {
      lines.at(-1)!.push(child);
    }
  }
  const textOf = (line: PhrasingContent[]) => line.map((n) => plainText(n)).join('');
  if (lines.length < 2 || !lines.slice(1).some((l) => LINE_START.test(textOf(l)))) return [paragraph];
  // Lines that do not start a unit stay with the one before.
  const groups: PhrasingContent[][] = [];
  lines.forEach((line, i) => {
    if (i === 0 || LINE_START.test(textOf(line))) groups.push([...line]);
    else groups.at(-1)!.push({ type: 'text', value: '\n' }, ...line);
  });
  return groups.map((children) => {
    const out: Paragraph = { type: 'paragraph', children };
    const first = children.find((c) => c.position)?.position;
    const last = children.findLast((c) => c.position)?.position;
    if (first && last) out.position = { start: first.start, end: last.end };
    return out;
  });
}
