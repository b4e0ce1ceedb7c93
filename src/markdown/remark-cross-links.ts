/**
 * Links citations and names in a document's text, from the graph computed
 * once per build (src/data/content-graph.ts):
 *
 * - each 《…》 that resolved links to the cited document (at the article
 *   anchor, `#第八条`, when a pinpoint names one) or to the cited-but-missing
 *   text's page; ambiguous and unresolved ones stay text;
 * - people, bodies and meetings link to their pages on their first mention
 *   in each section (a section starts at a level-1 or level-2 heading).
 *
 * The plugin finds titles and names with the same functions the graph used
 * and takes the targets from the document's own links in the graph, in
 * order, so rendering is a pure function of the text and those links (which
 * is what lets a rebuild re-render only documents whose text or links
 * changed). Without an index it does nothing.
 */
import type { Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { extractCitations } from '../lib/citations/extract.ts';
import { findMentions, scopeLabel, type MentionContext } from '../lib/entities/mentions.ts';
import type { CrossLinkIndex } from '../lib/graph/link-index.ts';
import { ENTITY_LABELS } from '../lib/graph/urls.ts';
import { spliceSpans, type TextSpan } from './text-spans.ts';

/** Options for {@link remarkCrossLinks}. */
export interface CrossLinksOptions {
  /** The links of every document. Default: none, and the plugin leaves the text alone. */
  index?: CrossLinkIndex;
  /** Link people, bodies and meetings too. Default: true. */
  entities?: boolean;
}

/** A link; `preview` marks one to an archive document, which shows its card on hover and focus (src/client/previews.ts). */
function link(url: string, title: string, value: string, className: string[], preview = false): Link {
  return { type: 'link', url, title, children: [{ type: 'text', value }], data: { hProperties: { className, ...(preview ? { dataPreview: true } : {}) } } };
}

/** Links citations and first mentions of names, from `options.index`. */
export function remarkCrossLinks(options: CrossLinksOptions = {}) {
  return (tree: Root, file: VFile) => {
    const index = options.index;
    const id = (file.data.astro?.frontmatter as { id?: unknown } | undefined)?.id;
    if (!index || typeof id !== 'string') return;
    const links = index.forDocument(id);
    if (!links) return;
    const context: MentionContext = {
      ...(links.region ? { region: links.region } : {}),
      people: links.people,
      ...(links.ownMeeting ? { ownMeeting: links.ownMeeting } : {}),
      ...(links.roles === false ? { roles: false } : {}),
    };
    let next = 0;
    // Entities linked in the current section. It holds only keys of
    // `links.entities`, so once it holds them all the rest of the section has
    // nothing left to link and is not scanned for names: the same output for
    // less work (rendering 2,000 corpus documents took 5–11 % less CPU).
    let seen = new Set<string>();
    const linkable = Object.keys(links.entities).length;

    /** The graph's entry for this citation: the next one in order, or further on if the text skipped some. */
    const citationTarget = (linked: string) => {
      for (let k = next; k < links.citations.length; k++) {
        if (links.citations[k]!.linked === linked) {
          next = k + 1;
          return links.citations[k];
        }
      }
      return undefined;
    };

    const rewrite = (node: Text, inHeading: boolean): PhrasingContent[] | undefined => {
      const value = node.value;
      const spans: TextSpan[] = [];
      for (const c of extractCitations(value, links.region)) {
        const target = citationTarget(c.linked);
        if (!target?.href) continue;
        const className = target.missing ? ['citation', 'citation-missing'] : ['citation'];
        spans.push({ start: c.open, end: c.end, node: link(target.href, target.title ?? c.linked, c.linked, className, !target.missing) });
      }
      // Headings never link names, so they are not scanned for them.
      if ((options.entities ?? true) && !inHeading && seen.size < linkable) {
        for (const m of findMentions(value, context)) {
          if (seen.has(m.key)) continue;
          const entity = links.entities[m.key];
          if (!entity || spans.some((s) => s.start < m.end && m.start < s.end)) continue;
          seen.add(m.key);
          const title = `${ENTITY_LABELS[entity.kind]}：${entity.label}（${scopeLabel(m.scope)}）`;
          spans.push({ start: m.start, end: m.end, node: link(entity.href, title, value.slice(m.start, m.end), ['entity', `entity-${entity.kind}`]) });
        }
      }
      return spliceSpans(value, spans);
    };

    const walk = (block: RootContent) => {
      const inHeading = block.type === 'heading';
      visit(block, (node, i, parent) => {
        if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return SKIP;
        if (node.type !== 'text' || !parent || i === undefined) return;
        const replaced = rewrite(node, inHeading);
        if (!replaced) return;
        (parent.children as PhrasingContent[]).splice(i, 1, ...replaced);
        return [SKIP, i + replaced.length];
      });
    };

    for (const block of tree.children) {
      if (block.type === 'heading' && block.depth <= 2) seen = new Set();
      walk(block);
    }
  };
}
