/**
 * What a partition build tells the hub (scripts/build-partition.ts moves it
 * into the partition's manifest): the feed summary of each of its documents,
 * which the hub, rendering no document, cannot compute. Made only by a
 * partition build; the single build and the hub make no such file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments } from '../../data/documents.ts';
import { bodySummary } from '../../data/feeds.ts';
import { ownsDocument, partitionName } from '../../data/scope.ts';

export const getStaticPaths = (() => {
  const name = partitionName();
  return name ? [{ params: { name } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const docs = (await allDocuments()).filter((doc) => ownsDocument(doc.id));
  const summaries: Record<string, string | null> = {};
  for (const doc of docs) summaries[doc.id] = (await bodySummary(doc)) ?? null;
  return new Response(JSON.stringify({ summaries }));
};
