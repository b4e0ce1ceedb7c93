/**
 * Rendered documents, kept out of Astro's content store.
 *
 * Astro keeps each entry's rendered HTML in its content store and bundles the
 * whole store into the build as one module: at 10,000 documents that module
 * is several hundred megabytes that are serialised, bundled and loaded whole,
 * and at 30,000 it no longer fits in a JavaScript string (`Invalid string
 * length`; see issue 7's measurements). So the content loader
 * (src/content.config.ts) renders each document as before — same unified
 * processor, same plugins — but writes the result here, one file per
 * document in the build cache, and stores only the front matter. A page
 * reads its document's file when it renders. Files are named by id and
 * digest, so a file is current exactly when the store's digest says so.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { MarkdownHeading } from 'astro';
import { buildCacheDir } from '../lib/build-paths.ts';

/** What a page needs of a rendered document. */
export interface RenderedDocument {
  html: string;
  headings: MarkdownHeading[];
  /** Front matter as the remark plugins left it (the rule structure is there). */
  frontmatter: Record<string, unknown>;
}

function folder(): string {
  return path.join(buildCacheDir(), 'wenyuan-rendered');
}

function fileOf(id: string, digest: string): string {
  return path.join(folder(), `${encodeURIComponent(id)}.${digest}.json`);
}

/** Whether the rendering of `id` at `digest` is on disk. */
export function hasRendered(id: string, digest: string): boolean {
  return existsSync(fileOf(id, digest));
}

/** Stores the rendering of `id` at `digest`, removing the one at `previousDigest`. */
export function writeRendered(id: string, digest: string, rendered: RenderedDocument, previousDigest?: string): void {
  mkdirSync(folder(), { recursive: true });
  if (previousDigest && previousDigest !== digest) rmSync(fileOf(id, previousDigest), { force: true });
  writeFileSync(fileOf(id, digest), JSON.stringify(rendered));
}

/** The rendering of `id` at `digest`; throws, naming the file, when it is missing. */
export function readRendered(id: string, digest: string): RenderedDocument {
  const file = fileOf(id, digest);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RenderedDocument;
  } catch (error) {
    throw new Error(`The rendering of document "${id}" is missing from the build cache (${file}); build again. ${(error as Error).message}`);
  }
}

/** How a stored rendering begins: {@link writeRendered} writes the HTML first. */
const HTML_START = '{"html":"';

/**
 * The beginning of a stored rendering's HTML, read from the first `bytes` of
 * its file only: the whole HTML when it ends there, else up to the last
 * complete `</p>` (`complete: false`). Feeds need a document's first
 * paragraph, and reading and parsing the whole file (77 KB on average for a
 * law of the corpus) costs about 15 times as much. Falls back to the whole
 * file when the beginning holds no paragraph end.
 */
export function readRenderedStart(id: string, digest: string, bytes = 4096): { html: string; complete: boolean } {
  let text = '';
  try {
    const fd = openSync(fileOf(id, digest), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Missing: readRendered below says so, naming the file.
  }
  if (text.startsWith(HTML_START)) {
    for (let i = HTML_START.length; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return { html: JSON.parse(text.slice(HTML_START.length - 1, i + 1)) as string, complete: true };
    }
    // A cut made right after `</p>` never splits an escape sequence.
    const end = text.lastIndexOf('</p>');
    if (end > 0) return { html: JSON.parse(`${text.slice(HTML_START.length - 1, end + 4)}"`) as string, complete: false };
  }
  return { html: readRendered(id, digest).html, complete: true };
}
