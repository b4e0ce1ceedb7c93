/** data/citations.csv: the citations between documents as a CSV table (src/data/open-data.ts). */
import type { APIRoute } from 'astro';
import { dataFileResponse } from '../../data/open-data.ts';

export const GET: APIRoute = ({ site }) => dataFileResponse(site!, 'citationsCsv');
