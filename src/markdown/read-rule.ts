/**
 * Reads a rule's structure outside Astro, through the site's own Markdown
 * pipeline, so `npm run check` and tests see exactly what the pages show.
 */
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { unifiedOptions } from './index.ts';
import { RULE_STRUCTURE_KEY } from './remark-rule-structure.ts';
import type { RuleStructure } from '../lib/rules/structure.ts';

/** A reader: Markdown body (front matter blanked, so lines are the file's) and front matter → the rule's structure, or undefined for other kinds. */
export async function createRuleReader(): Promise<(body: string, frontmatter: Record<string, unknown>) => Promise<RuleStructure | undefined>> {
  const renderer = await unified(unifiedOptions).createRenderer(markdownConfigDefaults);
  return async (body, frontmatter) => {
    const { metadata } = await renderer.render(body, { frontmatter });
    return (metadata.frontmatter as Record<string, unknown>)[RULE_STRUCTURE_KEY] as RuleStructure | undefined;
  };
}
