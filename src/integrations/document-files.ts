/**
 * Writes each document's own files beside its page at `astro:build:done`:
 * `/documents/<id>.md`, `.txt`, `.bib`, `.ris`, `.csl.json`
 * (src/lib/export/files.ts says what each holds), and the preview files that
 * cards over links to the document read, `/documents/<id>.preview.json` and
 * its parts (src/lib/previews/files.ts).
 *
 * Not Astro endpoints, although they would be the natural place: Astro spends
 * about 0.7 ms on every path it generates whatever the endpoint does, so five
 * files per document cost some 35 s of a 10,000-document build (an eighth of
 * it), while writing them here costs about a millisecond per document. The
 * data are the same the pages use: the front matter through the site's
 * schema, the committed file, and the text of the built page, so an MDX
 * document's components appear as rendered. The files exist after a build,
 * not under `npm run dev`.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { documentSchema } from '../schemas/document.ts';
import { contentDir } from '../lib/build-paths.ts';
import { markdownFiles } from '../lib/files.ts';
import { documentFileContents } from '../lib/export/files.ts';
import { documentBodyHtml } from '../lib/export/text.ts';
import { previewFileContents } from '../lib/previews/files.ts';
import { documentHref } from '../lib/graph/urls.ts';

/** What a worker gets: its share of the documents. */
export interface DocumentFilesJob {
  outDir: string;
  files: string[];
  site: string;
}

/** Below this many documents per worker, starting workers costs more than it saves. */
const MIN_PER_WORKER = 200;

/** Documents read and written at once: enough to overlap reading and writing, few enough to keep memory flat. */
const BATCH = 32;

/** A built page's HTML; undefined when the build made no such page. */
async function readPage(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes the files of the documents in `files` (Markdown sources) into `outDir`; returns how many documents got them. */
export async function writeFilesOf(outDir: string, files: readonly string[], site: string): Promise<number> {
  let written = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map(async (file) => {
      const source = await readFile(file);
      // The build has already checked this front matter (src/content.config.ts).
      const data = documentSchema.parse(parseFrontmatter(source.toString('utf8')).frontmatter);
      const pageHtml = await readPage(path.join(outDir, 'documents', data.id, 'index.html'));
      if (pageHtml === undefined) return;
      const contents = [
        ...documentFileContents({ data, source, pageHtml, archiveUrl: new URL(documentHref(data.id), site).href }),
        ...previewFileContents(data, documentBodyHtml(pageHtml)),
      ];
      await Promise.all(contents.map(([ext, body]) => writeFile(path.join(outDir, 'documents', `${data.id}.${ext}`), body)));
      written++;
    });
    await Promise.all(batch);
  }
  return written;
}

/**
 * Writes the files of every document in `documentsDir` into `outDir`, the
 * documents split evenly over `jobs` worker threads (src/integrations/
 * document-files-worker.ts): the work is parsing and text extraction, so at
 * the end of a build, when nothing else runs, it takes every core. One job
 * (or a handful of documents) stays in this thread. Returns how many
 * documents got their files.
 */
export async function writeDocumentFiles(outDir: string, documentsDir: string, site: string, jobs = availableParallelism()): Promise<number> {
  const files = markdownFiles(documentsDir);
  const slices = Math.max(1, Math.min(jobs, Math.floor(files.length / MIN_PER_WORKER)));
  if (slices === 1) return writeFilesOf(outDir, files, site);
  const counts = Array.from({ length: slices }, (_, i) => {
    const slice = files.slice(Math.floor((i * files.length) / slices), Math.floor(((i + 1) * files.length) / slices));
    const data: DocumentFilesJob = { outDir, files: slice, site };
    return new Promise<number>((resolve, reject) => {
      const worker = new Worker(new URL('./document-files-worker.ts', import.meta.url), { workerData: data });
      worker.once('message', (count: number) => resolve(count));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the document-files worker stopped (exit code ${code}) before it finished`)));
    });
  });
  return (await Promise.all(counts)).reduce((a, b) => a + b, 0);
}

/** The integration: the site's address from the config, the files at the end of the build. */
export function documentFiles(): AstroIntegration {
  let site = 'http://127.0.0.1:4321/';
  return {
    name: 'wenyuan:document-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await writeDocumentFiles(fileURLToPath(dir), contentDir(), site);
        logger.info(`wrote the files of ${count} documents (.md .txt .bib .ris .csl.json .preview.json) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
