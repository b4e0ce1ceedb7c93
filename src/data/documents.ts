/**
 * The one query of the documents collection. Every page takes its lists from
 * here, so the collection is read and sorted once per build.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { readRendered } from './rendered-documents.ts';
import { documentHref } from '../lib/graph/urls.ts';
import { compareDatesDescending, yearOf } from '../lib/partial-date.ts';
import { DOCUMENT_TYPES, TYPES_WITH_STATUS, type DocumentType } from '../lib/vocabulary.ts';
import { facetSegment, UNKNOWN_VALUE, type Facet } from '../lib/facets.ts';

/** One archive document as the collection holds it. */
export type DocumentEntry = CollectionEntry<'documents'>;

let cache: Promise<DocumentEntry[]> | undefined;

/** All documents, newest first; undated ones last, then by title. */
export function allDocuments(): Promise<DocumentEntry[]> {
  cache ??= getCollection('documents').then((entries) =>
    entries.sort(
      (a, b) =>
        compareDatesDescending(a.data.date, b.data.date) ||
        a.data.title.localeCompare(b.data.title, 'zh-CN') ||
        a.id.localeCompare(b.id),
    ),
  );
  return cache;
}

function hasStatus(type: DocumentType): boolean {
  return (TYPES_WITH_STATUS as readonly string[]).includes(type);
}

/** The URL of a document's page. */
export function documentUrl(id: string): string {
  return documentHref(id);
}

/**
 * The value a document has for a facet, as shown to readers and used in URLs;
 * undefined where the facet does not apply (a speech has no 时效性).
 */
export function facetValue(entry: DocumentEntry, facet: Facet): string | undefined {
  const data = entry.data;
  switch (facet) {
    case 'type':
      return data.type;
    case 'year':
      return String(yearOf(data.date) ?? UNKNOWN_VALUE.year);
    case 'status':
      if (!hasStatus(data.type)) return undefined;
      return ('status' in data && data.status) || UNKNOWN_VALUE.status;
    default:
      return data[facet] ?? UNKNOWN_VALUE[facet];
  }
}

/** Documents grouped by their value of a facet, in first-appearance order; documents the facet does not apply to are left out. */
export function groupByFacet(docs: readonly DocumentEntry[], facet: Facet): Map<string, DocumentEntry[]> {
  const groups = new Map<string, DocumentEntry[]>();
  for (const doc of docs) {
    const value = facetValue(doc, facet);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(doc);
    else groups.set(value, [doc]);
  }
  return groups;
}

/** The Chinese label of a facet value (types have labels; other values are already Chinese). */
export function facetLabel(facet: Facet, value: string): string {
  if (facet === 'type') return DOCUMENT_TYPES[value as DocumentType] ?? value;
  if (facet === 'year' && /^\d{4}$/.test(value)) return `${value}年`;
  return value;
}

/** URL of a browse page for one facet value; page 1 has no number. */
export function browseUrl(facet: Facet, value: string, page = 1): string {
  const base = `/browse/${facet}/${encodeURIComponent(facetSegment(value))}/`;
  return page > 1 ? `${base}${page}/` : base;
}

/** A document's rendered body: HTML for Markdown, a component for MDX. */
export interface DocumentBody {
  /** The HTML of a Markdown document (from the build cache, src/data/rendered-documents.ts). */
  html?: string;
  /** The component of an MDX document, rendered by Astro. */
  Content?: Awaited<ReturnType<typeof render>>['Content'];
  headings: MarkdownHeading[];
  /** Front matter as the remark plugins left it. */
  frontmatter: Record<string, unknown>;
}

/** The rendered body of a document. */
export async function documentBody(entry: DocumentEntry): Promise<DocumentBody> {
  if (entry.filePath?.endsWith('.mdx') || entry.digest === undefined) {
    const { Content, headings, remarkPluginFrontmatter } = await render(entry);
    return { Content, headings, frontmatter: remarkPluginFrontmatter };
  }
  return readRendered(entry.id, String(entry.digest));
}
