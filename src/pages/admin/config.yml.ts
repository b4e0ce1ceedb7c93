/**
 * /admin/config.yml: the browser editor's configuration (Decap CMS reads it
 * from beside /admin/), made from the document schema at build time and on
 * every request under `npm run dev` / `npm run admin`.
 */
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { editorConfig, editorOptionsFromEnv } from '../../lib/editor/config.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `# Generated from src/schemas/document.ts by src/lib/editor/config.ts; do not edit.\n${stringify(editorConfig(editorOptionsFromEnv(process.env, site?.href)), { lineWidth: 0 })}`,
    { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } },
  );
