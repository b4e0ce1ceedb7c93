/**
 * Gives every heading a readable id from its Chinese text (see lib/heading-id),
 * so links to sections survive rebuilds and read naturally in a URL.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger, headingSlug } from '../lib/heading-id.ts';

const HEADING = /^h[1-6]$/;

/** Options for {@link rehypeHeadingIds}. */
export interface HeadingIdsOptions {
  /** Keep an id already present on a heading. Default: true. */
  keepExisting?: boolean;
}

/** Sets `id` on h1–h6 from the heading text, unique within the document. */
export function rehypeHeadingIds(options: HeadingIdsOptions = {}) {
  const keepExisting = options.keepExisting ?? true;
  return (tree: Root) => {
    const slug = createSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      if (keepExisting && typeof node.properties.id === 'string' && node.properties.id) {
        slug(node.properties.id);
        return;
      }
      node.properties.id = slug(headingSlug(toString(node)));
    });
  };
}
