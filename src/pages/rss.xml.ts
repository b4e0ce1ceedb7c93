/** RSS feed of the whole archive: the latest documents by document date (src/data/feeds.ts). */
import type { APIRoute } from 'astro';
import { archiveFeed } from '../data/feeds.ts';

export const GET: APIRoute = ({ site }) => archiveFeed(site!);
