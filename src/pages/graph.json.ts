/** The citation network for the graph page (see lib/graph/view.ts), computed once per build; also open data (src/data/open-data.ts). */
import type { APIRoute } from 'astro';
import { graphJson } from '../data/open-data.ts';

export const GET: APIRoute = () => new Response(graphJson(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
