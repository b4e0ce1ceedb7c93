/** The citation network for the graph page (see lib/graph/view.ts), computed once per build. */
import type { APIRoute } from 'astro';
import { citationGraph } from '../data/graph.ts';
import { networkOf } from '../lib/graph/view.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(networkOf(citationGraph().data)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
