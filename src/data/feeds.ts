/**
 * The archive's RSS feeds, built with @astrojs/rss: one for the whole archive
 * and one for each value of the facets in {@link FEED_FACETS}. Documents are
 * grouped once per build; each feed holds only its latest entries, and only
 * those documents' bodies are read (once each, for the summary).
 */
import { readFile } from 'node:fs/promises';
import { hubInput } from './hub-input.ts';
import rss from '@astrojs/rss';
import { allDocuments, browseUrl, documentBody, documentUrl, facetLabel, groupByFacet, type DocumentEntry } from './documents.ts';
import { readRendered, readRenderedStart } from './rendered-documents.ts';
import { FACETS } from '../lib/facets.ts';
import { ARCHIVE_FEED_URL, FEED_FACETS, FEED_SIZE, feedPubDate, latestForFeed, summaryOf, summaryOfMdx, type FeedFacet } from '../lib/feeds.ts';
import { DOCUMENT_TYPES } from '../lib/vocabulary.ts';

/** The Dublin Core namespace: `dc:creator` (issuer) and `dc:date` (the date as precise as written). */
const DC = 'http://purl.org/dc/elements/1.1/';
const ATOM = 'http://www.w3.org/2005/Atom';

/** URL of the feed of one facet value, beside its browse page. */
export function facetFeedUrl(facet: FeedFacet, value: string): string {
  return `${browseUrl(facet, value)}rss.xml`;
}

/** One feed: its members (all of them; the feed takes the latest) and where it belongs. */
export interface FeedGroup {
  facet: FeedFacet;
  value: string;
  members: DocumentEntry[];
}

let groups: Promise<FeedGroup[]> | undefined;

/** Every facet feed, grouped once per build, in facet order then by first appearance. */
export function feedGroups(): Promise<FeedGroup[]> {
  groups ??= allDocuments().then((docs) =>
    FEED_FACETS.flatMap((facet) => {
      const byValue = groupByFacet(docs, facet);
      return [...byValue].map(([value, members]) => ({ facet, value, members }));
    }),
  );
  return groups;
}

const summaries = new Map<string, Promise<string | undefined>>();

/** A document's summary from its body: the first paragraph as plain text; undefined when it has none. */
export async function bodySummary(doc: DocumentEntry): Promise<string | undefined> {
  // The hub renders no document: the partitions found the summaries (scripts/build-hub.ts).
  const given = hubInput()?.summaries;
  if (given) {
    if (!(doc.id in given)) throw new Error(`The partitions gave no summary of document "${doc.id}"; build its partition again`);
    return given[doc.id] ?? undefined;
  }
  if (doc.filePath?.endsWith('.mdx')) return summaryOfMdx(await readFile(doc.filePath, 'utf8'));
  if (doc.digest === undefined) {
    const { html } = await documentBody(doc);
    return html ? summaryOf(html) : undefined;
  }
  // The first paragraph is near the start: read only that much of the rendering.
  const start = readRenderedStart(doc.id, String(doc.digest));
  return summaryOf(start.html) ?? (start.complete ? undefined : summaryOf(readRendered(doc.id, String(doc.digest)).html));
}

/**
 * A document's summary, once per build: from the start of its rendered body
 * (in the build cache), or for MDX, which renders only as a component, from
 * its source; the subtitle when the body has no paragraph.
 */
function summary(doc: DocumentEntry): Promise<string | undefined> {
  let cached = summaries.get(doc.id);
  if (!cached) {
    cached = bodySummary(doc).then((text) => text ?? doc.data.subtitle);
    summaries.set(doc.id, cached);
  }
  return cached;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The RSS document of a feed: channel `title`, the page it belongs to, its own URL, and the latest of `docs`. */
async function feedResponse(options: { title: string; description: string; page: string; self: string; site: URL; docs: readonly DocumentEntry[] }): Promise<Response> {
  const entries = latestForFeed(options.docs, FEED_SIZE);
  const items = await Promise.all(
    entries.map(async (doc) => {
      const { title, date, issuer, type } = doc.data;
      const description = await summary(doc);
      const pubDate = feedPubDate(date);
      const customData = [issuer ? `<dc:creator>${escapeXml(issuer)}</dc:creator>` : '', date ? `<dc:date>${date}</dc:date>` : ''].join('');
      return {
        title,
        link: documentUrl(doc.id),
        ...(description ? { description } : {}),
        ...(pubDate ? { pubDate } : {}),
        categories: [DOCUMENT_TYPES[type]],
        ...(customData ? { customData } : {}),
      };
    }),
  );
  return rss({
    title: options.title,
    description: options.description,
    site: new URL(options.page, options.site).href,
    xmlns: { dc: DC, atom: ATOM },
    customData: `<language>zh-cn</language><atom:link href="${escapeXml(new URL(options.self, options.site).href)}" rel="self" type="application/rss+xml"/>`,
    items,
  });
}

/** The feed of the whole archive. */
export async function archiveFeed(site: URL): Promise<Response> {
  return feedResponse({
    title: '文渊 · 最新收录',
    description: `文渊政策文本档案：按文件日期最新的 ${FEED_SIZE} 篇文件`,
    page: '/',
    self: ARCHIVE_FEED_URL,
    site,
    docs: await allDocuments(),
  });
}

/** The feed of one facet value, e.g. 地区：北京市海淀区. */
export function facetFeed(site: URL, group: FeedGroup): Promise<Response> {
  const label = `${FACETS[group.facet]}：${facetLabel(group.facet, group.value)}`;
  return feedResponse({
    title: `文渊 · ${label}`,
    description: `文渊政策文本档案 · ${label}：按文件日期最新的 ${FEED_SIZE} 篇文件`,
    page: browseUrl(group.facet, group.value),
    self: facetFeedUrl(group.facet, group.value),
    site,
    docs: group.members,
  });
}
