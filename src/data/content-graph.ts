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
 * rendering is a pure function of text and graph. `npm run check` reads
 * the documents with the same reader.
 *
 * A file whose front matter is invalid is left out here; the build and the
 * check report it with file and line.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { validateFrontMatter } from '../schemas/document.ts';
import { digestOfContents, digestOfFiles, filesUnder, markdownFiles } from '../lib/files.ts';
import { buildGraph, type BuildGraphOptions, type Memo } from '../lib/graph/build.ts';
import type { Mention } from '../lib/entities/mentions.ts';
import { decodeTermCounts, encodeTermCounts } from '../lib/related/words.ts';
import { CrossLinkIndex } from '../lib/graph/link-index.ts';
import type { GraphData, SourceDocument } from '../lib/graph/types.ts';

/** The graph and the Markdown plugin's view of it. */
export interface ContentGraph {
  graph: GraphData;
  index: CrossLinkIndex;
}

/** The documents of a content folder with valid front matter, as the graph reads them. */
export function readSourceDocuments(contentDir: string): SourceDocument[] {
  return sourceDocuments(readContentFiles(contentDir));
}

/** Every document file of a content folder with its text, in path order. */
function readContentFiles(contentDir: string): Array<{ file: string; text: string }> {
  return markdownFiles(contentDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

function sourceDocuments(files: ReadonlyArray<{ file: string; text: string }>): SourceDocument[] {
  const documents: SourceDocument[] = [];
  const seen = new Set<string>();
  for (const { file, text } of files) {
    let parsed;
    try {
      // Front matter becomes empty lines, so line numbers in the body are the file's.
      parsed = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
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
export interface LoadGraphOptions extends Omit<BuildGraphOptions, 'mentionMemo' | 'termMemo'> {
  /**
   * The build cache: the graph is kept there (and read by the pages and the
   * render workers), reused while the content files, these options and the
   * code that computes the graph are unchanged.
   */
  cacheDir: string;
}

/** Digest of the code the graph depends on: src/lib, src/schemas and this file. */
function codeDigest(): string {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const files = [...filesUnder(path.join(src, 'lib'), ['.ts']), ...filesUnder(path.join(src, 'schemas'), ['.ts']), fileURLToPath(import.meta.url)];
  return digestOfFiles(src, files);
}

/**
 * Reads a content folder and builds its graph, or reads the cached graph of
 * the very same files (same paths and bytes, same options, same code).
 */
export function loadContentGraph(contentDir: string, options: LoadGraphOptions): ContentGraph & { cached: boolean; file: string } {
  const { cacheDir, ...buildOptions } = options;
  const code = codeDigest();
  // Each file is read once: for the cache key and, on a miss, for the graph.
  const files = readContentFiles(contentDir);
  const key = createHash('sha256')
    .update(code)
    .update(JSON.stringify(buildOptions))
    .update(digestOfContents(contentDir, files.map(({ file, text }) => ({ file, contents: text }))));
  const folder = path.join(cacheDir, 'wenyuan-graph');
  const cacheFile = path.join(folder, `graph-${key.digest('hex').slice(0, 32)}.json`);
  try {
    const graph = JSON.parse(readFileSync(cacheFile, 'utf8')) as GraphData;
    return { graph, index: new CrossLinkIndex(graph), cached: true, file: cacheFile };
  } catch {
    // Not cached yet (or unreadable): computed below.
  }
  // The entity scans and word counts of the last build with the same code are reused document by document.
  const mentionMemo = fileMemo<Mention[][], Mention[][]>(path.join(folder, `mentions-${code.slice(0, 32)}.json`), (stored) => stored, (value) => value);
  const termMemo = fileMemo<ReadonlyMap<string, number>, string>(path.join(folder, `terms-${code.slice(0, 32)}.json`), decodeTermCounts, encodeTermCounts);
  const graph = buildGraph(sourceDocuments(files), { ...buildOptions, mentionMemo, termMemo });
  // Only the newest graph and this build's scans and counts are kept.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(graph));
  mentionMemo.save();
  termMemo.save();
  return { graph, index: new CrossLinkIndex(graph), cached: false, file: cacheFile };
}

/**
 * A memo kept in `file` as JSON [digest, stored form] pairs: it offers what
 * the file held and, on save, writes back only what this build used or made.
 * The file is read when the memo is made, so it may be removed before save.
 */
function fileMemo<T, Stored>(file: string, decode: (stored: Stored) => T, encode: (value: T) => Stored): Memo<T> & { save(): void } {
  const previous = new Map<string, Stored>(readJson<Array<[string, Stored]>>(file) ?? []);
  const used = new Map<string, Stored>();
  return {
    get: (key) => {
      const found = previous.get(key);
      if (found === undefined) return undefined;
      used.set(key, found);
      return decode(found);
    },
    set: (key, value) => {
      used.set(key, encode(value));
    },
    save: () => writeFileSync(file, JSON.stringify([...used])),
  };
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * A graph computed beforehand (`node scripts/build-graph.ts --out <file>`),
 * read as it is: every partition of a partitioned build links with the same
 * graph, computed once from all documents.
 */
export function loadGraphFile(file: string): ContentGraph & { cached: true; file: string } {
  let graph: GraphData;
  try {
    graph = JSON.parse(readFileSync(file, 'utf8')) as GraphData;
  } catch (error) {
    throw new Error(`Cannot read the graph file ${file} (WENYUAN_GRAPH_FILE); make it with node scripts/build-graph.ts --out ${file}: ${(error as Error).message}`);
  }
  return { graph, index: new CrossLinkIndex(graph), cached: true, file };
}
