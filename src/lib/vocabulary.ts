/**
 * The archive's controlled vocabulary with Chinese labels. Kept free of any
 * dependency so the browser (search page) can import it as cheaply as the build.
 */

/** Document kinds with their Chinese labels, in display order. */
export const DOCUMENT_TYPES = {
  'meeting-report': '会议报道',
  speech: '讲话',
  rule: '规则/办法/条例',
  opinion: '意见/实施意见',
  decision: '决议/决定',
  notice: '通知',
  article: '文章',
} as const;

/** A document kind, e.g. `speech` (讲话). */
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** Validity states of a normative text (时效性). */
export const STATUSES = ['现行有效', '已修订', '已废止', '尚未生效'] as const;

/** The kinds that carry a validity status. */
export const TYPES_WITH_STATUS = ['rule', 'opinion', 'decision', 'notice'] as const;

/** Kinds of quality problem the importer or an editor records, with labels. */
export const QUALITY_FLAG_KINDS = {
  garbled: '乱码段落',
  anonymised: '姓名已隐去',
  'year-unknown': '年份不详',
  'date-unknown': '日期不详',
  'converted-script': '由繁体转换',
  'pinyin-removed': '已删除拼音注音',
  uncertain: '需人工核对',
  other: '其他',
} as const;
