/**
 * `npm run new -- rule "<标题>"`: a new rule with correct front matter and the
 * skeleton 第一章　总则 / 第一条. Text only; scripts/new.ts writes the file.
 */
import { documentId, workSlug } from '../importer/slug.ts';
import { yamlScalar } from '../lib/front-matter-edit.ts';
import { parsePartialDate } from '../lib/partial-date.ts';
import { ruleSkeleton } from '../lib/rule-skeleton.ts';

/** A new rule document: its file path under the content folder and its text. */
export interface ScaffoldedDocument {
  id: string;
  /** Relative to the content folder, e.g. 2025/2025-03-01-qinghe-yishi-guize.md. */
  path: string;
  source: string;
}

/** A new rule with front matter and the skeleton 第一章　总则 / 第一条. */
export function newRuleDocument(title: string, date: string): ScaffoldedDocument {
  const cleanTitle = title.trim();
  if (!cleanTitle) throw new Error('give the rule a title, e.g. npm run new -- rule "青禾区人民代表大会常务委员会议事规则"');
  if ('error' in parsePartialDate(date)) throw new Error(`"${date}" is not a date: use YYYY-MM-DD`);
  const id = documentId(cleanTitle, date, { disambiguate: true });
  const work = workSlug(cleanTitle);
  const source = [
    '---',
    `id: ${id}`,
    'type: rule',
    `title: ${yamlScalar(cleanTitle)}`,
    `date: ${date}`,
    '# 发文机关、行政区划、发文字号：',
    '# issuer: 青禾区人大常委会',
    '# region: 北京市青禾区',
    '# doc_number: 青人常发〔2025〕1号',
    `work: ${work}`,
    `adopted: ${date}`,
    `effective: ${date}`,
    'status: 现行有效',
    '---',
    '',
    ruleSkeleton(cleanTitle),
  ].join('\n');
  return { id, path: `${date.slice(0, 4)}/${id}.md`, source };
}
