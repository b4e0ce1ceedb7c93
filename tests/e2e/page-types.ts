/**
 * One page of every kind the archive builds, found in the test build (the
 * default content plus the site fixtures) rather than written down, so the
 * accessibility and phone checks follow the site as it grows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { DOCUMENT_TYPES } from '../../src/lib/vocabulary.ts';
import { baseUrl, builtContentDir } from './helpers.ts';

/** A page to check: what kind it is and its path (with query) on the test site. */
export interface PageType {
  /** e.g. 'document: rule', 'search: no results'. */
  name: string;
  /** Path and query, e.g. /search/?q=人大代表. */
  path: string;
  /** The page draws or searches in the browser; wait for `data-ready` before checking it. */
  waitFor?: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

async function html(pathname: string): Promise<string> {
  const response = await fetch(new URL(pathname, baseUrl));
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return response.text();
}

/** The first link on `pathname` whose href matches `pattern` (decoded), or an error naming the page. */
async function firstLink(pathname: string, pattern: RegExp): Promise<string> {
  const page = await html(pathname);
  for (const [, href] of page.matchAll(/href="([^"]+)"/g)) {
    const decoded = decodeURI(href!);
    if (pattern.test(decoded)) return href!;
  }
  throw new Error(`${pathname} has no link matching ${pattern}`);
}

/** Every page type of the list, each once. */
export async function pageTypes(): Promise<PageType[]> {
  const documents = markdownFiles(builtContentDir)
    .map((file) => matter(readFileSync(file, 'utf8')).data as { id: string; type: string; work?: string })
    .sort((a, b) => a.id.localeCompare(b.id));
  const ofType = Object.keys(DOCUMENT_TYPES).map((type) => {
    const doc = documents.find((d) => d.type === type);
    if (!doc) throw new Error(`the test build has no document of type ${type}`);
    return { name: `document: ${type}`, path: `/documents/${doc.id}/` };
  });
  const versioned = documents.filter((d) => d.work).at(-1);
  if (!versioned) throw new Error('the test build has no rule with versions');
  const versionedPath = `/documents/${versioned.id}/`;
  const searchReady = '#search-app[data-ready="true"][data-searching="false"]';
  return [
    { name: 'home', path: '/' },
    ...ofType,
    { name: 'rule with versions', path: versionedPath },
    { name: 'diff', path: await firstLink(versionedPath, /\/diff\//) },
    { name: 'article history', path: await firstLink(versionedPath, /\/history\//) },
    { name: 'browse', path: '/browse/' },
    { name: 'facet page', path: '/browse/type/rule/' },
    { name: 'search: results', path: '/search/?q=人大代表', waitFor: searchReady },
    { name: 'search: no results', path: '/search/?q=档案里没有的词语', waitFor: searchReady },
    ...(
      await Promise.all(
        ['people', 'bodies', 'meetings', 'cited'].map(async (kind) => [
          { name: `${kind} index`, path: `/${kind}/` },
          { name: `${kind}: one`, path: await firstLink(`/${kind}/`, new RegExp(`^/${kind}/[^/]+/$`)) },
        ]),
      )
    ).flat(),
    { name: 'graph', path: '/graph/', waitFor: '#graph-app[data-ready="true"]' },
    { name: 'graph of a document', path: `/graph/?doc=2022-10-31-quanmian-guanche-zhongyang-renda`, waitFor: '#graph-app[data-ready="true"]' },
    { name: 'data', path: '/data/' },
    { name: '404', path: '/no-such-page/' },
  ];
}
