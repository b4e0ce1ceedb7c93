/** data/documents.json: every document's metadata as a JSON array, one record per line (src/data/open-data.ts). */
import type { APIRoute } from 'astro';
import { dataFileResponse } from '../../data/open-data.ts';

export const GET: APIRoute = ({ site }) => dataFileResponse(site!, 'documentsJson');
