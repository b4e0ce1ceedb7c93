/**
 * For comparison in bench:search only: Pagefind's own Chinese indexing of a
 * built site (pages as they are, `<html lang="zh-CN">`), written outside it.
 * `node scripts/bench/stock-index.ts <site dir> <output dir>`
 */
import * as pagefind from 'pagefind';

const [siteDir, outputPath] = process.argv.slice(2);
if (!siteDir || !outputPath) {
  console.error('usage: node scripts/bench/stock-index.ts <site dir> <output dir>');
  process.exit(2);
}
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(errors.join('; '));
const added = await index.addDirectory({ path: siteDir });
const written = await index.writeFiles({ outputPath });
await pagefind.close();
if (added.errors.length || written.errors.length) throw new Error([...added.errors, ...written.errors].join('; '));
console.log(`stock Pagefind indexed ${added.page_count} pages`);
