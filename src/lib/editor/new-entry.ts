/**
 * What the editor fills in when a new document is saved from the form, as
 * `npm run new` would: the id from the date and the title (stable from then
 * on: an existing file keeps its id), the folder `<year or undated>/` the file
 * goes to, and for a rule its `work`, its adoption date and the 第一条 that
 * names the rule as its title does (本办法, 本条例…). Framework-free: it runs in
 * the browser on Decap's preSave event (src/client/admin/cms.ts).
 */
import { ruleSkeleton } from '../rule-skeleton.ts';
import type { Slugger } from '../title-slug.ts';
import { FOLDER_KEY } from './constants.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** A new entry's data completed for saving; `slugger` derives ids (the browser's, src/client/admin/document-id.ts). */
export function completeNewEntry(data: Record<string, unknown>, slugger: Slugger): Record<string, unknown> {
  const title = text(data.title);
  const date = text(data.date);
  const out: Record<string, unknown> = { ...data };
  if (!title) return out; // Decap refuses to save without the required title.
  const isRule = data.type === 'rule';
  out.id = slugger.documentId(title, date || undefined, { disambiguate: isRule });
  out[FOLDER_KEY] = date ? date.slice(0, 4) : 'undated';
  if (isRule) {
    if (!text(data.work)) out.work = slugger.workSlug(title);
    if (!text(data.adopted) && date) out.adopted = date;
    const body = typeof data.body === 'string' ? data.body : '';
    if (body.trim() === ruleSkeleton().trim()) out.body = ruleSkeleton(title);
  }
  return out;
}
