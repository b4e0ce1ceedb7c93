/**
 * Raw HTML in a document is shown as the text it is, never run: an archived
 * page that quotes `<script>` must display `<script>`. In MDX, where JSX is
 * code, elements that could run or embed foreign content stop the build.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Options for {@link remarkRawHtmlAsText}. */
export interface RawHtmlAsTextOptions {
  /** JSX element names refused in MDX. Default: script, iframe, object, embed, frame, frameset, base, form. */
  forbiddenElements?: readonly string[];
}

const DEFAULT_FORBIDDEN = ['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'form'];

/** The parts of an MDX JSX node this plugin reads (mdast's own types do not include MDX). */
interface JsxElement {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string }>;
  position?: Root['position'];
}

/** Turns `html` nodes into `text` nodes; rejects unsafe JSX elements and `on*` attributes in MDX. */
export function remarkRawHtmlAsText(options: RawHtmlAsTextOptions = {}) {
  const forbidden = new Set(options.forbiddenElements ?? DEFAULT_FORBIDDEN);
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'html' && parent && index !== undefined) {
        const text = { type: 'text' as const, value: node.value, position: node.position };
        // Block-level HTML becomes its own paragraph so it still reads as a block.
        parent.children[index] = parent.type === 'root' ? { type: 'paragraph', children: [text] } : text;
        return;
      }
      const element = node as JsxElement;
      if (element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement') {
        const name = element.name?.toLowerCase() ?? '';
        if (forbidden.has(name)) {
          file.fail(`<${name}> is not allowed in archive documents: it could run code or embed another site`, {
            place: element.position,
            ruleId: 'forbidden-element',
            source: 'wenyuan',
          });
        }
        for (const attribute of element.attributes ?? []) {
          if (attribute.name && /^on/i.test(attribute.name)) {
            file.fail(`event-handler attribute ${attribute.name} is not allowed in archive documents`, {
              place: element.position,
              ruleId: 'forbidden-attribute',
              source: 'wenyuan',
            });
          }
        }
      }
    });
  };
}
