/**
 * `node scripts/index-site.ts [dist]`: (re)builds the Pagefind index of an
 * already built site, the same way the build's last step does, reusing the
 * unchanged shards cached by earlier builds (WENYUAN_CACHE_DIR, default
 * node_modules/.astro).
 */
import { existsSync } from 'node:fs';
import { buildSearchIndex, describeIndex, searchCacheDir } from '../src/integrations/pagefind.ts';
import { buildCacheDir } from '../src/lib/build-paths.ts';

const siteDir = process.argv[2] ?? 'dist';
if (!existsSync(`${siteDir}/index.html`)) {
  console.error(`${siteDir}/index.html is missing: build the site first.`);
  process.exit(1);
}
console.log(describeIndex(await buildSearchIndex(siteDir, searchCacheDir(buildCacheDir()))));
