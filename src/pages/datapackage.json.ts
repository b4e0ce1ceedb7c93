/** datapackage.json: the Frictionless Data Package describing the open data files and graph.json (src/lib/open-data.ts). */
import type { APIRoute } from 'astro';
import { dataFileResponse } from '../data/open-data.ts';

export const GET: APIRoute = ({ site }) => dataFileResponse(site!, 'dataPackage');
