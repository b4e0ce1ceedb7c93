/** data/graph.schema.json: the JSON Schema of graph.json (src/data/open-data.ts). */
import type { APIRoute } from 'astro';
import { dataFileResponse } from '../../data/open-data.ts';

export const GET: APIRoute = ({ site }) => dataFileResponse(site!, 'graphSchema');
