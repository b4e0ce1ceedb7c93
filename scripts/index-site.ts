/**
 * `node scripts/index-site.ts [dist]`: (re)builds the Pagefind index of an
 * already built site, the same way the build's last step does.
 */
import { existsSync } from 'node:fs';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';

const siteDir = process.argv[2] ?? 'dist';
if (!existsSync(`${siteDir}/index.html`)) {
  console.error(`${siteDir}/index.html is missing: build the site first.`);
  process.exit(1);
}
const summary = await buildSearchIndex(siteDir);
console.log(`indexed ${summary.pages} documents in ${summary.shards} shard(s) in ${summary.seconds.toFixed(1)} s`);
