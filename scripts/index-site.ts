/**
 * `node scripts/index-site.ts [dist]`: (re)builds the Pagefind index of an
 * already built site, the same way the build's last step does, reusing the
 * unchanged shards cached by earlier builds (WENYUAN_CACHE_DIR, default
 * node_modules/.astro).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';
import { buildCacheDir } from '../src/lib/build-paths.ts';

const siteDir = process.argv[2] ?? 'dist';
if (!existsSync(`${siteDir}/index.html`)) {
  console.error(`${siteDir}/index.html is missing: build the site first.`);
  process.exit(1);
}
const cacheDir = path.join(buildCacheDir(), 'wenyuan-search');
const summary = await buildSearchIndex(siteDir, cacheDir);
const { read, add, write } = summary.phases;
console.log(
  `indexed ${summary.pages} documents in ${summary.shards} shard(s), ${summary.reused} unchanged, in ${summary.seconds.toFixed(1)} s ` +
    `(reading and tokenising ${read.toFixed(1)} s, adding to Pagefind ${add.toFixed(1)} s, Pagefind writing ${write.toFixed(1)} s)`,
);
