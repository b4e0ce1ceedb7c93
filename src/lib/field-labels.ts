/**
 * Chinese names of front-matter fields, for notices and messages that name a
 * field — above all the `uncertain` quality flag, whose `field` says which
 * catalogue entry (著录项目) the importer guessed. The labels are the ones the
 * document page's metadata panel shows, so a reader told that 发文机关 is in
 * doubt finds 发文机关 beside it. Framework-free: the page
 * (QualityNotices.astro), `npm run check` and the import report share it.
 */
import { DOCUMENT_TYPES } from './vocabulary.ts';

/** Front-matter field → its Chinese label, e.g. `doc_number` → 发文字号. */
export const FIELD_LABELS = {
  id: '编号',
  title: '标题',
  subtitle: '副标题',
  type: '类型',
  date: '日期',
  date_note: '日期说明',
  issuer: '发文机关',
  region: '地区',
  doc_number: '发文字号',
  speaker: '讲话人',
  meeting: '会议',
  effective: '施行日期',
  status: '时效性',
  work: '所属法规',
  adopted: '通过日期',
  source: '来源',
  original_script: '原文字体',
  tags: '主题词',
  aliases: '又称',
} as const;

/** A field that has a label, e.g. `title`. */
export type LabelledField = keyof typeof FIELD_LABELS;

/** The Chinese label of a field (`title` → 标题); a field without one is named as written. */
export function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field as LabelledField] : field;
}

/** Labels of several fields as a Chinese enumeration: 标题、类型. */
export function fieldLabels(fields: readonly string[]): string {
  return fields.map(fieldLabel).join('、');
}

/** The fields named by a document's `uncertain` flags, each once, in the order of the flags. */
export function uncertainFields(flags: ReadonlyArray<{ kind: string; field?: string | undefined }>): string[] {
  return [...new Set(flags.flatMap((flag) => (flag.kind === 'uncertain' && flag.field ? [flag.field] : [])))];
}

/** The reader's notice for `uncertain` flags: 本文部分著录项目由导入程序推断，尚待人工核对：标题、类型。 */
export function uncertainHeadline(fields: readonly string[]): string {
  const base = '本文部分著录项目由导入程序推断，尚待人工核对';
  return fields.length > 0 ? `${base}：${fieldLabels(fields)}。` : `${base}。`;
}

/**
 * Candidate values as a reader reads them: “政策文件”、“通知公告”; for `type`,
 * the kind's Chinese name (`article` → “文章”).
 */
export function quotedCandidates(candidates: readonly string[], field?: string): string {
  const shown = (value: string) =>
    field === 'type' && Object.hasOwn(DOCUMENT_TYPES, value) ? DOCUMENT_TYPES[value as keyof typeof DOCUMENT_TYPES] : value;
  return candidates.map((candidate) => `“${shown(candidate)}”`).join('、');
}
