/**
 * Hands the build's scope (src/data/partition-scope.ts, resolved once in
 * astro.config.mjs) to pages and the content loader as `virtual:wenyuan/scope`.
 */
import type { AstroIntegration } from 'astro';
import type { ResolvedScope } from '../data/partition-scope.ts';

/** The integration serving `virtual:wenyuan/scope`. */
export function partitionScope(scope: ResolvedScope): AstroIntegration {
  const id = 'virtual:wenyuan/scope';
  const source = `export default JSON.parse(${JSON.stringify(JSON.stringify(scope))});`;
  return {
    name: 'wenyuan-partition-scope',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{ name: 'wenyuan-scope', resolveId: (name: string) => (name === id ? `\0${id}` : undefined), load: (name: string) => (name === `\0${id}` ? source : undefined) }],
          },
        });
      },
    },
  };
}
