/**
 * Document ids as the importer and `npm run new` make them (rules in
 * src/lib/title-slug.ts): words come from jieba so a syllable group reads as
 * a word (renda, not ren-da), the hash from node:crypto.
 */
import { createHash } from 'node:crypto';
import { segment } from '../lib/chinese-words.ts';
import { createSlugger } from '../lib/title-slug.ts';

const slugger = createSlugger({ segment, sha256Hex: (text) => createHash('sha256').update(text).digest('hex') });

/** The pinyin slug of a title: lowercase ASCII words joined by hyphens. */
export const titleSlug = slugger.titleSlug;

/**
 * The `work` of a rule (the id its versions share): the title's slug, with
 * the hash when cut, so long titles that start alike stay apart. One
 * definition for `npm run new -- revision` and the importer, so a version
 * made by either joins the same work.
 */
export const workSlug = slugger.workSlug;

/** The document id for a title (with its subtitle, which tells parts of one code apart) and a partial date. */
export const documentId = slugger.documentId;
