/**
 * The ordered remark and rehype plugin lists of the archive. astro.config.mjs
 * and the tests both take them from here, so tests run what the site runs.
 */
import { unified, type RehypePlugins, type RemarkPlugins, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { remarkRawHtmlAsText } from './remark-raw-html-as-text.ts';
import { remarkRuleStructure } from './remark-rule-structure.ts';
import { remarkRuleReferences } from './remark-rule-references.ts';
import { remarkCrossLinks, type CrossLinksOptions } from './remark-cross-links.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeGarbledSpans } from './rehype-garbled-spans.ts';
import { rehypeSafeHtml } from './rehype-safe-html.ts';

/** Remark plugins, in order; rule references need the structure found before them. */
export const remarkPlugins: RemarkPlugins = [remarkRawHtmlAsText, remarkRuleStructure, remarkRuleReferences, remarkCrossLinks];

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

/**
 * The same options with the citation graph's links for remarkCrossLinks
 * (astro.config.mjs passes the graph it computed once; without it the plugin
 * links nothing, as in the fixture tests).
 */
export function unifiedOptionsWith(crossLinks: CrossLinksOptions): UnifiedProcessorOptions {
  return {
    ...unifiedOptions,
    remarkPlugins: remarkPlugins.map((plugin) => (plugin === remarkCrossLinks ? [remarkCrossLinks, crossLinks] : plugin)),
  };
}

/**
 * The archive's Markdown processor, with the citation graph's links. The one
 * place it is made: astro.config.mjs gives it to Astro, and the content
 * loader's render workers (src/data/render-worker.ts) make the same one, so
 * a document renders identically in either.
 */
export function archiveProcessor(crossLinks: CrossLinksOptions) {
  return unified(unifiedOptionsWith(crossLinks));
}
