/**
 * Indexes one shard of the archive: reads its built document pages, turns
 * each into index HTML in Wenyuan's token form (src/lib/search) and hands
 * them to a Pagefind process of its own, which writes the shard's bundle.
 * Runs in a worker thread (pagefind-worker.ts), so each shard being indexed
 * has its own Pagefind process: Pagefind writes an index on one core.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createNormalizer } from '../lib/search/normalize.ts';
import { searchablePage } from '../lib/search/page-text.ts';
import { indexHtml } from '../lib/search/index-html.ts';
import { bundleSortValues, SORT_VALUES_FILE } from '../lib/search/sort-values.ts';

/** How many pages are read, or handed to Pagefind, at once. */
const BATCH = 16;

/**
 * Most word occurrences per index chunk, a setting Pagefind 1.6 reads from
 * its environment (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; default 20,000). A
 * query loads the whole chunk of each word it looks up, from every shard;
 * smaller chunks load less per word but make the chunk list in each shard's
 * metadata longer, which the first query loads. bench:search, 10,000
 * documents in 8 shards, first / second query: 20,000 → 1,989 / 839 KB;
 * 2,000 → 1,672 / 483 KB; 1,000 → 1,834 / 466 KB.
 */
export const INDEX_CHUNK_SIZE = 2000;

/** What a shard's indexing needs: its pages and where the site is. */
export interface ShardJob {
  shard: number;
  /** URL path of the shard's bundle: `/pagefind/`, `/pagefind-1/`, or a partition's `/pagefind-<name>/` … */
  path: string;
  siteDir: string;
  /** The shard's document pages (built HTML files under `siteDir`). */
  files: string[];
  /** Traditional → Simplified pairs for the normaliser. */
  t2s: string;
}

/** What indexing a shard did, in seconds per phase. */
export interface ShardReport {
  shard: number;
  pages: number;
  read: number;
  add: number;
  write: number;
}

/** The URL a built file is served at: dist/documents/x/index.html → /documents/x/. */
export function urlOf(siteDir: string, file: string): string {
  const relative = path.relative(siteDir, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Reads, tokenises and indexes one shard into `siteDir` + its shard path.
 * Pagefind is started only once `mayIndex` resolves, so a shard can be read
 * while another one's Pagefind is still working.
 */
export async function indexShard(job: ShardJob, mayIndex: () => Promise<void> = async () => {}): Promise<ShardReport> {
  const normalize = createNormalizer(job.t2s);
  const started = performance.now();
  const pages: Array<{ url: string; html: string; sort: string[] }> = [];
  for (let start = 0; start < job.files.length; start += BATCH) {
    const batch = await Promise.all(
      job.files.slice(start, start + BATCH).map(async (file) => {
        const page = searchablePage(await readFile(file, 'utf8'));
        return page && { url: urlOf(job.siteDir, file), html: indexHtml(page, normalize), sort: page.sort };
      }),
    );
    for (const page of batch) if (page) pages.push(page);
  }
  const read = performance.now();
  await mayIndex();
  const indexing = performance.now();
  // Pagefind's process (started by createIndex) takes its environment from this thread.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < pages.length; start += BATCH) {
      await Promise.all(
        pages.slice(start, start + BATCH).map(async (page) => {
          const added = await index.addHTMLFile({ url: page.url, content: page.html });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
        }),
      );
    }
    const added = performance.now();
    const outputPath = path.join(job.siteDir, job.path);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write ${outputPath}: ${written.errors.join('; ')}`);
    // The bundle's sort values, so the browser can order a sorted search across bundles (sort-values.ts).
    await writeFile(path.join(outputPath, SORT_VALUES_FILE), JSON.stringify(bundleSortValues(pages.map((page) => page.sort))));
    const seconds = (from: number, to: number) => (to - from) / 1000;
    return { shard: job.shard, pages: pages.length, read: seconds(started, read), add: seconds(indexing, added), write: seconds(added, performance.now()) };
  } finally {
    await pagefind.close();
  }
}
