/**
 * /color-scheme.js: the blocking script in every page's <head> that applies
 * the reader's stored colour scheme before first paint (src/lib/color-scheme.ts).
 * A file, not an inline script, because the site's CSP allows only same-origin scripts.
 */
import type { APIRoute } from 'astro';
import { schemeScriptSource } from '../lib/color-scheme.ts';

export const GET: APIRoute = () =>
  new Response(schemeScriptSource(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
