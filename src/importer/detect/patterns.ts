/**
 * Recognisers for the lines around a title: title-like lines, bylines (a unit's
 * name alone on a line), document numbers, and the title patterns that tell a
 * document's kind.
 */
import type { DocumentType } from '../../schemas/document.ts';

/** A unit's name alone: 海淀区人大常委会, 北京市人民政府办公厅. */
const ORG_LINE =
  /^[\u4e00-\u9fa5（）()·]{2,30}(人大常委会|人民代表大会常务委员会|常务委员会|委员会|常委会|人民政府|政府|办公室|办公厅|研究室|研究会|研究院|研究中心|局|厅|部|院|处|中心|协会|学会|党组|工委|区委|市委|县委|省委|人大|法院|检察院|联合会|总工会|工会|团委|管委会|办事处|妇联|残联|科协|侨联|文联|社联)$/;

/** True for a byline naming a unit, e.g. 房山区人大常委会. */
export function isOrgLine(text: string): boolean {
  return ORG_LINE.test(text.trim());
}

/** 青人常发〔2023〕4号, 国务院令第375号. */
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,20}(?:[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*号|令\s*第\s*\d+\s*号)/;

/** A line that is only a document number. */
export function isDocNumberLine(text: string): boolean {
  const m = DOC_NUMBER.exec(text.trim());
  return m !== null && m[0].length === text.trim().length;
}

/** Short, without sentence punctuation, not a numbered heading: could be a title. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 4 &&
    t.length <= 80 &&
    !/[。；！？!?]/.test(t) &&
    !/[：:，,]$/.test(t) &&
    !/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百\d]+条)/.test(t) &&
    !/^\d{1,2}月\d{1,2}日|^\d{4}年/.test(t)
  );
}

/** Kinds by title, most specific first, with the reason for the report. */
const TITLE_KINDS: ReadonlyArray<readonly [RegExp, DocumentType, string]> = [
  [/在.{2,40}(会议|大会|座谈会|会|仪式|典礼|论坛|活动|培训班)上的(讲话|发言|致辞|报告|主持词|总结讲话|讲话提纲)|(讲话|致辞|发言|主持词|讲话稿|发言稿|贺词|演讲)([（(](摘要|摘登|全文|节选)[）)])?$/, 'speech', '标题为"在…会议上的讲话"'],
  [/(规则|办法|条例|规定|细则|章程|准则|规程)(（(试行|草案|暂行|修订|修正|\d{4}年(修订|修正))）)?$/, 'rule', '标题以规则/办法/条例/规定/细则结尾'],
  [/(意见|实施意见|指导意见)(（(试行|暂行)）)?$/, 'opinion', '标题以意见结尾'],
  [/(决定|决议)(（草案）)?$/, 'decision', '标题以决定/决议结尾'],
  [/(通知|通告|公告|通报|批复|复函)$/, 'notice', '标题以通知/公告/通报结尾'],
  [/(召开|举行|举办|开幕|闭幕)|会议召开|第[一二三四五六七八九十百\d]+次(全体|主任|常务)?会议/, 'meeting-report', '标题报道会议召开'],
];

/** The kind a title announces, with why; undefined when the title says nothing. */
export function kindFromTitle(title: string): { type: DocumentType; why: string } | undefined {
  for (const [pattern, type, why] of TITLE_KINDS) if (pattern.test(title)) return { type, why };
  return undefined;
}

/** Words in breadcrumbs or source lines that mark journal or research pieces. */
export const ARTICLE_CONTEXT = /会刊|期刊|杂志|理论与实践|研究|论文|调研|理论|学刊|第\s*\d+\s*期|\d{6}-\d{2}期/;
