/** data/documents.schema.json: the JSON Schema of documents.json, generated from the site's zod schema (src/data/open-data.ts). */
import type { APIRoute } from 'astro';
import { dataFileResponse } from '../../data/open-data.ts';

export const GET: APIRoute = ({ site }) => dataFileResponse(site!, 'documentsSchema');
