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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

/** Reads a content folder and builds its graph. */
export function loadContentGraph(contentDir: string, options: BuildGraphOptions = {}): ContentGraph {
  const graph = buildGraph(readSourceDocuments(contentDir), options);
  return { graph, index: new CrossLinkIndex(graph) };
}
