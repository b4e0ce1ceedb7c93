/**
 * The ordered remark and rehype plugin lists of the archive. astro.config.mjs
 * and the tests both take them from here, so tests run what the site runs.
 */
import type { RehypePlugins, RemarkPlugins, UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { remarkRawHtmlAsText } from './remark-raw-html-as-text.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeGarbledSpans } from './rehype-garbled-spans.ts';
import { rehypeSafeHtml } from './rehype-safe-html.ts';

/** Remark plugins, in order. */
export const remarkPlugins: RemarkPlugins = [remarkRawHtmlAsText];

/** Rehype plugins, in order; sanitising comes last so nothing added earlier escapes it. */
export const rehypePlugins: RehypePlugins = [rehypeHeadingIds, rehypeGarbledSpans, rehypeSafeHtml];

/** Options for Astro's unified processor (`markdown.processor`). */
export const unifiedOptions: UnifiedProcessorOptions = {
  remarkPlugins,
  rehypePlugins,
  // Archived texts keep their punctuation exactly as published.
  smartypants: false,
  gfm: true,
};
