/**
 * Links the references a rule makes to itself: 本规则第五条, 本办法第十二条第二款,
 * 第三条第一项, 依照前款, 前两款, 前条 become links to the anchor in the same
 * document (`#第五条`, `#第十二条第二款`), titled with the place they stand for.
 * A reference with no target stays text and is reported (rule ids
 * `rule/unresolved-reference`, `rule/paragraph-reference`,
 * `rule/ambiguous-reference`), so `npm run check` can list it.
 *
 * Citations of other documents with a pinpoint (《…议事规则》第八条) are linked
 * only when a `resolveCitation` option finds the document: resolving titles is
 * the cross-link work's job; this plugin supplies the pinpoint and the anchor.
 * Runs after {@link remarkRuleStructure}, whose `file.data.rule` it reads.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { findCitations, findReferences, parsePinpoint, resolvePinpoint, type Pinpoint, type RuleAnchors, type TextPlace } from '../lib/rules/references.ts';

/** What `resolveCitation` returns for a title found in the archive. */
export interface CitedDocument {
  /** Address of the document, e.g. /documents/2023-03-01-qinghe-yishi-guize/. */
  url: string;
  /** Its articles, to turn a pinpoint into an anchor; without them the link goes to the document. */
  anchors?: RuleAnchors;
}

/** Options for {@link remarkRuleReferences}. */
export interface RuleReferencesOptions {
  /** Finds a cited document by the title inside 《》. Default: none, so citations stay text. */
  resolveCitation?: (title: string) => CitedDocument | undefined;
}

function link(url: string, title: string, value: string, className: string): Link {
  return { type: 'link', url, title, children: [{ type: 'text', value }], data: { hProperties: { className: [className] } } };
}

/** Turns references to the document itself, and resolvable citations, into links. */
export function remarkRuleReferences(options: RuleReferencesOptions = {}) {
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
        const spans: Array<{ start: number; end: number; node: PhrasingContent }> = [];
        for (const ref of findReferences(value, where, structure)) {
          const label = structure.articles[where.article ?? -1]?.label ?? '正文';
          const pin = ref.id ? parsePinpoint(ref.label ?? '') : undefined;
          if (pin && where.item === undefined && where.article !== undefined && (pin.article.number !== structure.articles[where.article]!.number || pin.article.sub !== structure.articles[where.article]!.sub)) {
            leadIns.set(`${where.article}:${where.paragraph}`, { article: pin.article, ...(pin.paragraph !== undefined ? { paragraph: pin.paragraph } : {}) });
          }
          if (ref.id && ref.label) spans.push({ start: ref.start, end: ref.end, node: link(`#${ref.id}`, ref.label, ref.text, 'ref') });
          else if (ref.problem) report(`${ref.text}: ${ref.problem.message}`, ref.problem.ruleId, at, label);
        }
        if (options.resolveCitation) {
          for (const citation of findCitations(value)) {
            const doc = options.resolveCitation(citation.title);
            if (!doc || spans.some((s) => s.start < citation.end && citation.start < s.end)) continue;
            let url = doc.url;
            let title = `《${citation.title}》`;
            if (citation.pinpoint && doc.anchors) {
              const target = resolvePinpoint(doc.anchors, citation.pinpoint);
              if ('id' in target) {
                url = `${doc.url}#${target.id}`;
                title += target.label;
              }
            }
            spans.push({ start: citation.start, end: citation.end, node: link(url, title, value.slice(citation.start, citation.end), 'citation') });
          }
        }
        if (spans.length === 0) return [node];
        spans.sort((a, b) => a.start - b.start);
        const out: PhrasingContent[] = [];
        let at0 = 0;
        for (const span of spans) {
          if (span.start > at0) out.push({ type: 'text', value: value.slice(at0, span.start) });
          out.push(span.node);
          at0 = span.end;
        }
        if (at0 < value.length) out.push({ type: 'text', value: value.slice(at0) });
        return out;
      };
      paragraph.children = rewrite(paragraph.children);
      return SKIP;
    });
  };
}
