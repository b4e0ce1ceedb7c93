/**
 * Marks the garbled (mojibake) spans recorded in a document's
 * `quality.flags` so readers see them as damaged text, not as content, and
 * keeps them out of the search index. The text itself is never changed.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';

/** Options for {@link rehypeGarbledSpans}. */
export interface GarbledSpansOptions {
  /** Garbled texts to mark; default: the `text` of every `garbled` flag in the front matter. */
  spans?: readonly string[];
}

interface FlagLike {
  kind?: unknown;
  text?: unknown;
}

function spansFromFrontmatter(file: VFile): string[] {
  const flags = (file.data.astro?.frontmatter as { quality?: { flags?: FlagLike[] } } | undefined)?.quality?.flags;
  if (!Array.isArray(flags)) return [];
  return flags.flatMap((flag) =>
    flag.kind === 'garbled' && typeof flag.text === 'string' && flag.text !== '' ? [flag.text] : [],
  );
}

function garbledMark(text: string): Element {
  return {
    type: 'element',
    tagName: 'mark',
    properties: { className: ['garbled'], title: '乱码：原文此处无法恢复', dataPagefindIgnore: '' },
    children: [{ type: 'text', value: text }],
  };
}

/** Splits a text node around every occurrence of the spans (longest first). */
function splitText(value: string, spans: readonly string[]): ElementContent[] | undefined {
  const pieces: ElementContent[] = [];
  let rest = value;
  let changed = false;
  while (rest) {
    let best: { at: number; span: string } | undefined;
    for (const span of spans) {
      const at = rest.indexOf(span);
      if (at !== -1 && (!best || at < best.at || (at === best.at && span.length > best.span.length))) {
        best = { at, span };
      }
    }
    if (!best) break;
    changed = true;
    if (best.at > 0) pieces.push({ type: 'text', value: rest.slice(0, best.at) });
    pieces.push(garbledMark(best.span));
    rest = rest.slice(best.at + best.span.length);
  }
  if (!changed) return undefined;
  if (rest) pieces.push({ type: 'text', value: rest });
  return pieces;
}

/** Wraps each recorded garbled span in `<mark class="garbled" data-pagefind-ignore>`. */
export function rehypeGarbledSpans(options: GarbledSpansOptions = {}) {
  return (tree: Root, file: VFile) => {
    const spans = options.spans ?? spansFromFrontmatter(file);
    if (spans.length === 0) return;
    const unmatched = new Set(spans);
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined) return;
      if (parent.type === 'element' && parent.tagName === 'mark') return SKIP;
      const pieces = splitText(node.value, spans);
      if (!pieces) return;
      for (const span of spans) if (node.value.includes(span)) unmatched.delete(span);
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
    for (const span of unmatched) {
      file.message(`garbled span recorded in quality.flags does not occur in the body: "${span}"`, {
        ruleId: 'garbled-span-missing',
        source: 'wenyuan',
      });
    }
  };
}
