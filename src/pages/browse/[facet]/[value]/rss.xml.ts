/** RSS feed of one type, region, issuer or status, beside its browse page (src/data/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { spansPartitions } from '../../../../data/scope.ts';
import { facetFeed, feedGroups, type FeedGroup } from '../../../../data/feeds.ts';
import { facetSegment } from '../../../../lib/facets.ts';

export const getStaticPaths = (async () =>
  // Feeds span partitions: the hub's.
  (spansPartitions() ? await feedGroups() : []).map((group) => ({
    params: { facet: group.facet, value: facetSegment(group.value) },
    props: { group },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ group: FeedGroup }> = ({ site, props }) => facetFeed(site!, props.group);
