/**
 * Renders Markdown through the site's own pipeline (Astro's unified processor
 * with our plugin lists) and returns the HTML and the rule structure the
 * plugins found, as pages get it from `remarkPluginFrontmatter`.
 */
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { unifiedOptions } from '../../../src/markdown/index.ts';
import { RULE_STRUCTURE_KEY } from '../../../src/markdown/remark-rule-structure.ts';
import type { RuleStructure } from '../../../src/lib/rules/structure.ts';

let renderer: Awaited<ReturnType<ReturnType<typeof unified>['createRenderer']>> | undefined;

/** HTML and structure of `markdown` read with `frontmatter` (type: rule unless given). */
export async function renderRule(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<{ html: string; structure: RuleStructure }> {
  renderer ??= await unified(unifiedOptions).createRenderer(markdownConfigDefaults);
  const { code, metadata } = await renderer.render(markdown, { frontmatter: { type: 'rule', ...frontmatter } });
  const structure = (metadata.frontmatter as Record<string, unknown>)[RULE_STRUCTURE_KEY] as RuleStructure | undefined;
  return { html: code, structure: structure ?? { divisions: [], articles: [], tocBlocks: [], problems: [] } };
}

/** A readable summary of a structure, one line per division, article and problem, for fixture files. */
export function summarise(structure: RuleStructure): { divisions: string[]; articles: string[]; problems: string[] } {
  return {
    divisions: structure.divisions.map((d) => `${d.id} ${d.title}${d.parent ? ` (in ${d.parent})` : ''}`),
    articles: structure.articles.map((a) => {
      const parts = a.paragraphs.map((p) => {
        const items = p.items.map((i) => `${i.label}${i.subitems.length ? `[${i.subitems.map((s) => s.label).join('')}]` : ''}`).join('');
        return `款${p.index}${items ? `:${items}` : ''}`;
      });
      return `${a.id}${a.division ? ` @${a.division}` : ''}${a.heading ? ' (heading)' : ''}${a.caption ? ` ${a.caption}` : ''} | ${parts.join(' ')}`;
    }),
    problems: structure.problems.map((p) => `${p.line ?? '-'} ${p.severity} ${p.ruleId} ${p.label}: ${p.message}`),
  };
}
