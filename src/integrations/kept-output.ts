/**
 * Keeps the output folder between builds (src/lib/kept-output.ts says
 * when and why): a rebuild leaves the pages Astro does not render again
 * where they are instead of Astro copying each back from its cache into an
 * emptied folder. Two integrations: `start`, listed first, keeps or empties
 * the folder at `astro:build:start` and, first at `astro:build:done`,
 * removes what the last build made and this one did not, before the
 * integrations that read the folder (the search index reads every document
 * page in it) or write into it; `finish`, listed last, stamps the folder
 * once every writer is done.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneOutput, startOutput, stampOutput, type OutputStamp } from '../lib/kept-output.ts';

export interface KeptOutputOptions {
  /**
   * Files (relative to the output folder, `/` between folders) that the
   * build keeps in place without writing them, other than the pages Astro
   * generates (`pages`, the same way): the search bundles the index links
   * from its cache, the files of documents whose pages the build made, which
   * their own step writes again only when out of date.
   */
  keptElsewhere?: (relative: string, pages: ReadonlySet<string>) => boolean;
  /**
   * Top-level folders of the output that other steps write while the build
   * runs and clean up themselves (the search bundles, which shards indexed
   * while the pages render may still be writing at `astro:build:done`): the
   * prune does not look into them.
   */
  leftAlone?: (folder: string) => boolean;
}

export function keptOutput(options: KeptOutputOptions = {}): { start: AstroIntegration; finish: AstroIntegration } {
  let outDir = '';
  let cacheDir = '';
  let stamp: OutputStamp | undefined;
  const start: AstroIntegration = {
    name: 'wenyuan:kept-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // The folder is emptied (or kept) here, at astro:build:start, instead.
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        stamp = startOutput(outDir, cacheDir);
        logger.info(stamp ? 'output folder kept from the last build: unchanged pages stay in place' : 'output folder emptied');
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!stamp) return;
        const pages = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) pages.add(path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/'));
        const removed = pruneOutput(outDir, stamp, (relative) => pages.has(relative) || (options.keptElsewhere?.(relative, pages) ?? false), options.leftAlone);
        if (removed.length > 0) logger.info(`removed ${removed.length} file(s) the last build made and this one has not (yet), e.g. ${removed.slice(0, 3).join(', ')}`);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'wenyuan:kept-output-stamp',
    hooks: {
      'astro:build:done': () => {
        stampOutput(outDir, cacheDir);
      },
    },
  };
  return { start, finish };
}
