/**
 * URLs of the graph's pages and slugs for them. Slugs stay readable Chinese
 * (/people/于军-海淀区/, /cited/人大代表联络站工作规则-海淀区/) like the article
 * anchors; hrefs percent-encode them.
 */
import type { EntityKind } from '../entities/mentions.ts';
import type { GraphSlug } from './types.ts';

/** Folder of each entity kind's pages. */
export const ENTITY_FOLDERS: Record<EntityKind, string> = { person: 'people', body: 'bodies', meeting: 'meetings' };

/** Chinese labels of entity kinds. */
export const ENTITY_LABELS: Record<EntityKind, string> = { person: '人物', body: '机构', meeting: '会议' };

const encoder = new TextEncoder();

/**
 * A slug from any text: letters and digits kept, everything else one hyphen,
 * at most 80 characters and 180 bytes of UTF-8 (a slug is a folder name in
 * the build, and file systems allow 255 bytes).
 */
export function slugify(text: string): GraphSlug {
  let slug = [...text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')].slice(0, 80).join('');
  while (encoder.encode(slug).length > 180) slug = [...slug].slice(0, -1).join('');
  return (slug.replace(/-+$/, '') || 'untitled') as GraphSlug;
}

/**
 * Hands out unique slugs: the first wish that is free, else the last wish
 * with -2, -3…. Call in a stable order so slugs do not move between builds.
 */
export function createSlugRegistry() {
  const taken = new Set<string>();
  return (...wishes: string[]): GraphSlug => {
    const slugs = wishes.map(slugify);
    const free = slugs.find((s) => !taken.has(s));
    if (free) {
      taken.add(free);
      return free;
    }
    const base = slugs[slugs.length - 1]!;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    taken.add(`${base}-${n}`);
    return `${base}-${n}` as GraphSlug;
  };
}

/** URL of a document, optionally at an article anchor (#第八条). */
export function documentHref(id: string, anchor?: string): string {
  return `/documents/${id}/${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

/** URL of a missing text's page. */
export function missingHref(slug: GraphSlug | string): string {
  return `/cited/${encodeURIComponent(slug)}/`;
}

/** URL of an entity's page. */
export function entityHref(kind: EntityKind, slug: GraphSlug | string): string {
  return `/${ENTITY_FOLDERS[kind]}/${encodeURIComponent(slug)}/`;
}

/** URL of the graph view around a document. */
export function graphHref(id?: string): string {
  return id ? `/graph/?doc=${encodeURIComponent(id)}` : '/graph/';
}
