/**
 * The citation and entity graph of a content folder, computed once per build.
 *
 * Where and why: astro.config.mjs calls {@link loadContentGraph} once, before
 * Astro renders anything. The Markdown plugin needs the resolved graph while
 * rendering each document (to link 《…》 to its target), and Astro renders
 * Markdown while it loads the collection — before any page code runs — so
 * the graph cannot come from the collection query. It is read from the same
 * files the collection reads (same folder, same front matter schema), and
 * then reaches the pages unchanged through the `virtual:wenyuan/graph`
 * module (src/integrations/cross-links.ts). One computation, two readers;
 * rendering is a pure function of text and graph. `npm run check` uses the
 * same loader.
 *
 * A file whose front matter is invalid is left out here; the build and the
 * check report it with file and line.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { validateFrontMatter } from '../schemas/document.ts';
import { buildGraph, type BuildGraphOptions } from '../lib/graph/build.ts';
import { CrossLinkIndex } from '../lib/graph/link-index.ts';
import type { GraphData, SourceDocument } from '../lib/graph/types.ts';

/** The graph and the Markdown plugin's view of it. */
export interface ContentGraph {
  graph: GraphData;
  index: CrossLinkIndex;
}

function markdownFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(full);
      return /\.mdx?$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** The documents of a content folder with valid front matter, as the graph reads them. */
export function readSourceDocuments(contentDir: string): SourceDocument[] {
  const documents: SourceDocument[] = [];
  const seen = new Set<string>();
  for (const file of markdownFiles(contentDir)) {
    let parsed;
    try {
      // Front matter becomes empty lines, so line numbers in the body are the file's.
      parsed = parseFrontmatter(readFileSync(file, 'utf8'), { frontmatter: 'empty-with-lines' });
    } catch {
      continue;
    }
    const result = validateFrontMatter(parsed.frontmatter);
    if (!result.ok || seen.has(result.data.id)) continue;
    seen.add(result.data.id);
    const data = result.data as typeof result.data & { status?: string; work?: string; adopted?: string };
    documents.push({
      id: data.id,
      file,
      title: data.title,
      aliases: data.aliases,
      type: data.type,
      ...(data.region ? { region: data.region } : {}),
      ...(data.issuer ? { issuer: data.issuer } : {}),
      ...(data.adopted ?? data.date ? { date: (data.adopted ?? data.date)! } : {}),
      ...(data.meeting ? { meeting: data.meeting } : {}),
      ...(data.status ? { status: data.status } : {}),
      ...(data.work ? { work: data.work } : {}),
      body: parsed.content,
    });
  }
  return documents;
}

/** Options of {@link loadContentGraph}. */
export interface LoadGraphOptions extends BuildGraphOptions {
  /**
   * Folder for a cached copy of the graph, reused while the content files,
   * these options and the code that computes the graph are unchanged.
   */
  cacheDir?: string;
}

/** Digest of the code the graph depends on: src/lib, src/schemas and this file. */
function codeDigest(): string {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const files = [...sourceFilesOf(path.join(src, 'lib')), ...sourceFilesOf(path.join(src, 'schemas')), fileURLToPath(import.meta.url)];
  for (const file of files) hash.update(path.relative(src, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function sourceFilesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Reads a content folder and builds its graph, or reads the cached graph of
 * the very same files (same paths and bytes, same options, same code).
 */
export function loadContentGraph(contentDir: string, options: LoadGraphOptions = {}): ContentGraph & { cached: boolean; file?: string } {
  const { cacheDir, ...buildOptions } = options;
  let cacheFile: string | undefined;
  if (cacheDir) {
    const key = createHash('sha256').update(codeDigest()).update(JSON.stringify(buildOptions));
    for (const file of markdownFiles(contentDir)) key.update(path.relative(contentDir, file)).update('\0').update(readFileSync(file)).update('\0');
    const folder = path.join(cacheDir, 'wenyuan-graph');
    cacheFile = path.join(folder, `${key.digest('hex').slice(0, 32)}.json`);
    try {
      const graph = JSON.parse(readFileSync(cacheFile, 'utf8')) as GraphData;
      return { graph, index: new CrossLinkIndex(graph), cached: true, file: cacheFile };
    } catch {
      // Not cached yet (or unreadable): compute it below. Only the newest graph is kept.
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const graph = buildGraph(readSourceDocuments(contentDir), buildOptions);
  if (cacheFile) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(graph));
  }
  return { graph, index: new CrossLinkIndex(graph), cached: false, ...(cacheFile ? { file: cacheFile } : {}) };
}
