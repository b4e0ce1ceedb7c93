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
 * not under `npm run dev`. In an output folder kept from the last build, a
 * document whose page was left in place keeps its files as they are.
 */
import type { AstroIntegration } from 'astro';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
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

/** How many documents got their files written, and how many kept theirs from the last build. */
export interface DocumentFilesCount {
  written: number;
  unchanged: number;
}

/** The files every document has (preview parts come on top for long rules). */
const ALWAYS = ['md', 'txt', 'bib', 'ris', 'csl.json', 'preview.json'];

/**
 * A document's file in the output folder, one of the kinds this step writes:
 * a file of another kind (one an older version of the site wrote) is not
 * kept, as a cold build would not have it.
 */
const DOCUMENT_FILE = new RegExp(`^documents/([^/.]+)\\.(?:${[...ALWAYS.map((ext) => ext.replaceAll('.', '\\.')), 'preview-[1-9][0-9]*\\.json'].join('|')})$`);

async function mtimeOf(file: string): Promise<number | undefined> {
  return (await stat(file).catch(() => undefined))?.mtimeMs;
}

/**
 * Whether a document's files in `outDir` are those its page was made with:
 * each of them there and written no earlier than the page. In an output
 * folder kept from the last build (src/lib/kept-output.ts) that holds when
 * the build left the page in place: its key covers the document's file, the
 * site's code and configuration (src/data/page-keys.ts), everything these
 * files are made from besides the page. A page rendered again is newer than
 * the files, which are then written again.
 */
async function filesUpToDate(outDir: string, id: string, page: string): Promise<boolean> {
  const fileOf = (ext: string) => path.join(outDir, 'documents', `${id}.${ext}`);
  // In an emptied folder (a cold build) the first look settles it.
  const first = await mtimeOf(fileOf(ALWAYS[0]!));
  if (first === undefined) return false;
  const pageTime = await mtimeOf(page);
  if (pageTime === undefined || first < pageTime) return false;
  const times = await Promise.all(ALWAYS.slice(1).map((ext) => mtimeOf(fileOf(ext))));
  return times.every((time) => time !== undefined && time >= pageTime);
}

/** Removes the preview parts after the `kept` first ones, left by an older page with more parts. */
async function removePartsAfter(outDir: string, id: string, kept: number): Promise<void> {
  for (let part = kept + 1; ; part++) {
    try {
      await unlink(path.join(outDir, 'documents', `${id}.preview-${part}.json`));
    } catch {
      return;
    }
  }
}

/**
 * Whether `relative` (a path in the output folder) is one of the files of a
 * document whose page this build made: src/lib/kept-output.ts then keeps it
 * for this step, which writes it again unless it is up to date. A deleted
 * document's files go, and so do files of kinds this step no longer writes.
 */
export function isDocumentFileOf(relative: string, pages: ReadonlySet<string>): boolean {
  const match = DOCUMENT_FILE.exec(relative);
  return match !== null && pages.has(`documents/${match[1]}/index.html`);
}

/** Writes the files of the documents in `files` (Markdown sources) into `outDir`, but those already up to date. */
export async function writeFilesOf(outDir: string, files: readonly string[], site: string): Promise<DocumentFilesCount> {
  const count: DocumentFilesCount = { written: 0, unchanged: 0 };
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map(async (file) => {
      const source = await readFile(file);
      // The build has already checked this front matter (src/content.config.ts).
      const data = documentSchema.parse(parseFrontmatter(source.toString('utf8')).frontmatter);
      const page = path.join(outDir, 'documents', data.id, 'index.html');
      if (await filesUpToDate(outDir, data.id, page)) {
        count.unchanged++;
        return;
      }
      const pageHtml = await readPage(page);
      if (pageHtml === undefined) return;
      const contents = [
        ...documentFileContents({ data, source, pageHtml, archiveUrl: new URL(documentHref(data.id), site).href }),
        ...previewFileContents(data, documentBodyHtml(pageHtml)),
      ];
      await Promise.all(contents.map(([ext, body]) => writeFile(path.join(outDir, 'documents', `${data.id}.${ext}`), body)));
      await removePartsAfter(outDir, data.id, contents.filter(([ext]) => ext.startsWith('preview-')).length);
      count.written++;
    });
    await Promise.all(batch);
  }
  return count;
}

/**
 * Writes the files of every document in `documentsDir` into `outDir`, the
 * documents split evenly over `jobs` worker threads (src/integrations/
 * document-files-worker.ts): the work is parsing and text extraction, so at
 * the end of a build, when nothing else runs, it takes every core. One job
 * (or a handful of documents) stays in this thread. Returns how many
 * documents got their files written, and how many had them up to date.
 */
export async function writeDocumentFiles(outDir: string, documentsDir: string, site: string, jobs = availableParallelism()): Promise<DocumentFilesCount> {
  const files = markdownFiles(documentsDir);
  const slices = Math.max(1, Math.min(jobs, Math.floor(files.length / MIN_PER_WORKER)));
  if (slices === 1) return writeFilesOf(outDir, files, site);
  const counts = Array.from({ length: slices }, (_, i) => {
    const slice = files.slice(Math.floor((i * files.length) / slices), Math.floor(((i + 1) * files.length) / slices));
    const data: DocumentFilesJob = { outDir, files: slice, site };
    return new Promise<DocumentFilesCount>((resolve, reject) => {
      const worker = new Worker(new URL('./document-files-worker.ts', import.meta.url), { workerData: data });
      worker.once('message', (count: DocumentFilesCount) => resolve(count));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the document-files worker stopped (exit code ${code}) before it finished`)));
    });
  });
  return (await Promise.all(counts)).reduce((a, b) => ({ written: a.written + b.written, unchanged: a.unchanged + b.unchanged }), { written: 0, unchanged: 0 });
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
        const { written, unchanged } = await writeDocumentFiles(fileURLToPath(dir), contentDir(), site);
        logger.info(
          `wrote the files of ${written} documents (.md .txt .bib .ris .csl.json .preview.json)${unchanged > 0 ? `, ${unchanged} documents' files unchanged since the last build` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
