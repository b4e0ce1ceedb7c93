/**
 * `npm run new -- revision <id>`: the next version of a rule, made from the
 * current one, with `work`, dates and statuses set on both. Text only;
 * scripts/new.ts reads and writes the files.
 */
import { documentId, workSlug } from '../importer/slug.ts';
import { frontMatterField, setFrontMatterFields } from '../lib/front-matter-edit.ts';
import { parsePartialDate } from '../lib/partial-date.ts';
import type { ScaffoldedDocument } from './rule.ts';

/** Options for {@link reviseRule}. */
export interface RevisionOptions {
  /** Date the new version was adopted (通过/修订), YYYY-MM-DD. */
  adopted: string;
  /** Date it takes effect; default: the adoption date. */
  effective?: string;
  /** Today, to tell 现行有效 from 尚未生效. */
  today: string;
}

/** The next version of a rule, and the current one updated to point to the same work. */
export interface Revision {
  /** The current version's text with `work` and `status` set. */
  current: string;
  next: ScaffoldedDocument;
  work: string;
}

/**
 * Makes the next version of a rule from the current one: same title, body,
 * issuer, region and work; a new id, date, adoption and effective date.
 * The new version is 现行有效 once in effect (尚未生效 before), and the current
 * one becomes 已修订 then. Fields that belong to one copy (source, document
 * number, quality flags, date note) are not carried over.
 */
export function reviseRule(currentSource: string, options: RevisionOptions): Revision {
  const type = frontMatterField(currentSource, 'type');
  if (type !== 'rule') throw new Error(`only a rule can have versions; this document is a ${type ?? 'document without type'}`);
  const title = frontMatterField(currentSource, 'title');
  const currentId = frontMatterField(currentSource, 'id');
  if (!title || !currentId) throw new Error('the current version needs an id and a title');
  for (const [name, value] of [['adopted', options.adopted], ['effective', options.effective]] as const) {
    if (value !== undefined && 'error' in parsePartialDate(value)) throw new Error(`--${name} "${value}" is not a date: use YYYY-MM-DD`);
  }
  const effective = options.effective ?? options.adopted;
  const work = frontMatterField(currentSource, 'work') ?? workSlug(title);
  const id = documentId(title, options.adopted, { disambiguate: true });
  if (id === currentId) throw new Error(`the new version would have the same id as the current one (${id}); give a different --adopted date`);
  const inForce = effective <= options.today;
  const next = setFrontMatterFields(currentSource, [
    ['id', id],
    ['date', options.adopted],
    ['date_note', undefined],
    ['doc_number', undefined],
    ['source', undefined],
    ['quality', undefined],
    ['work', work],
    ['adopted', options.adopted],
    ['effective', effective],
    ['status', inForce ? '现行有效' : '尚未生效'],
  ]);
  const current = setFrontMatterFields(currentSource, [
    ['work', work],
    ...(inForce ? ([['status', '已修订']] as const) : []),
  ]);
  return { current, next: { id, path: `${options.adopted.slice(0, 4)}/${id}.md`, source: next }, work };
}
