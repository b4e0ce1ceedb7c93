/** robots.txt: everything but the staff editor (/admin/) may be crawled; the sitemap (written by @astrojs/sitemap, see astro.config.mjs) is named for crawlers. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
