/**
 * Links the references a rule makes to itself: 本规则第五条, 本办法第十二条第二款,
 * 第三条第一项, 依照前款, 前两款, 前条 become links to the anchor in the same
 * document (`#第五条`, `#第十二条第二款`), titled with the place they stand for.
 * A reference with no target stays text and is reported (rule ids
 * `rule/unresolved-reference`, `rule/paragraph-reference`,
 * `rule/ambiguous-reference`), so `npm run check` can list it.
 *
 * Citations of other documents (《…议事规则》第八条) are linked by
 * remark-cross-links, with the pinpoint helpers of lib/rules/references.
 * Runs after {@link remarkRuleStructure}, whose `file.data.rule` it reads.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { findReferences, parsePinpoint, type Pinpoint, type TextPlace } from '../lib/rules/references.ts';
import { spliceSpans, type TextSpan } from './text-spans.ts';

function link(url: string, title: string, value: string, className: string): Link {
  return { type: 'link', url, title, children: [{ type: 'text', value }], data: { hProperties: { className: [className] } } };
}

/** Turns references to the document itself into links. */
export function remarkRuleReferences() {
  return (tree: Root, file: VFile) => {
    const structure = file.data.rule;
    if (!structure || structure.articles.length === 0) return;
    const report = (message: string, ruleId: string, line: number | undefined, label: string) => {
      structure.problems.push({ ruleId, severity: 'warning', label, ...(line ? { line } : {}), message });
      file.message(`${label}: ${message}`, { ...(line ? { place: { line, column: 1 } } : {}), ruleId, source: 'wenyuan' });
    };

    // The place a 款 names (违反本条例第十七条规定，……：), for bare 项 in its items.
    const leadIns = new Map<string, Pinpoint>();
    visit(tree, 'paragraph', (paragraph) => {
      const own: TextPlace = paragraph.data?.rulePlace ?? {};
      const key = `${own.article}:${own.paragraph}`;
      const context = own.item !== undefined ? leadIns.get(key) : undefined;
      const place: TextPlace = context ? { ...own, context } : own;
      const line = paragraph.position?.start.line;
      const rewrite = (children: PhrasingContent[]): PhrasingContent[] =>
        children.flatMap((child): PhrasingContent[] => {
          if (child.type === 'link' || child.type === 'linkReference') return [child];
          if ('children' in child && child.type !== 'strong') {
            return [{ ...child, children: rewrite(child.children as PhrasingContent[]) } as PhrasingContent];
          }
          if (child.type === 'strong' && child.data?.hProperties?.className) return [child];
          if (child.type === 'strong') return [{ ...child, children: rewrite(child.children) }];
          if (child.type !== 'text') return [child];
          return linkText(child, place, line);
        });
      const linkText = (node: Text, where: TextPlace, at: number | undefined): PhrasingContent[] => {
        const value = node.value;
        const spans: TextSpan[] = [];
        for (const ref of findReferences(value, where, structure)) {
          const label = structure.articles[where.article ?? -1]?.label ?? '正文';
          const pin = ref.id ? parsePinpoint(ref.label ?? '') : undefined;
          if (pin && where.item === undefined && where.article !== undefined && (pin.article.number !== structure.articles[where.article]!.number || pin.article.sub !== structure.articles[where.article]!.sub)) {
            leadIns.set(`${where.article}:${where.paragraph}`, { article: pin.article, ...(pin.paragraph !== undefined ? { paragraph: pin.paragraph } : {}) });
          }
          if (ref.id && ref.label) spans.push({ start: ref.start, end: ref.end, node: link(`#${ref.id}`, ref.label, ref.text, 'ref') });
          else if (ref.problem) report(`${ref.text}: ${ref.problem.message}`, ref.problem.ruleId, at, label);
        }
        return spliceSpans(value, spans) ?? [node];
      };
      paragraph.children = rewrite(paragraph.children);
      return SKIP;
    });
  };
}
