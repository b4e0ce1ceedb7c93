/**
 * Not everything in 《》 is a policy text. A title is classified from its own
 * ending (…意见, …条例, …日报) and the words around it (《求是》杂志,
 * 《人大理论与实践》第3期, 一书), so journals, newspapers, books and
 * programmes are never listed as missing documents.
 */

/** What a title in 《》 names. */
export type CitedKind = 'document' | 'periodical' | 'book' | 'work' | 'form' | 'unknown';

/** Chinese labels of the kinds, for pages. */
export const CITED_KIND_LABELS: Record<CitedKind, string> = {
  document: '文件',
  periodical: '报刊',
  book: '图书',
  work: '作品',
  form: '证照表格',
  unknown: '未分类',
};

/**
 * Endings of policy texts, longest first where one ends another. A title that
 * is only one of these (《意见》, 《实施意见》, 《决定》) is a short form.
 */
const DOCUMENT_ENDINGS = [
  '修正案', '实施细则', '实施办法', '实施意见', '实施方案', '若干意见', '若干规定', '若干措施', '指导意见',
  '工作规则', '议事规则', '工作制度', '工作条例', '暂行规定', '暂行办法', '工作规定', '管理办法',
  '宪法', '法典', '条例', '规定', '办法', '规则', '细则', '意见', '决定', '决议', '通知', '通告', '公告',
  '通报', '公报', '纲要', '规划', '计划', '方案', '制度', '章程', '准则', '守则', '规范', '标准',
  '指南', '指引', '要点', '清单', '批复', '答复', '报告', '讲话', '说明', '解释', '纪要', '议程',
  '建议', '议案', '提案', '措施', '举措', '机制', '大纲', '协议', '公约', '条约', '函', '令', '法',
];

/** Endings shared with policy texts that still name a document when written alone (报告, 讲话) are not short forms. */
const GENERIC = new Set([
  '意见', '实施意见', '若干意见', '指导意见', '决定', '决议', '规定', '若干规定', '办法', '实施办法',
  '条例', '通知', '规则', '细则', '实施细则', '纲要', '方案', '实施方案', '规划', '章程', '准则',
  '工作规则', '议事规则', '工作制度', '制度', '公报', '通报', '措施', '若干措施', '解释', '司法解释',
]);

/** Periodicals known by name, whose titles do not end in 报 or 刊. */
const PERIODICALS = new Set([
  '求是', '人大理论与实践', '中国人大', '前线', '红旗文稿', '半月谈', '新华文摘', '人民论坛', '紫光阁',
  '瞭望', '党建', '中国纪检监察', '秘书工作', '民主与法制', '法学研究', '中国法学', '北京人大',
  '人民之声', '人大研究', '人大建设', '地方人大建设', '时事报告', '新华月报',
]);

/** Books known by name. */
const BOOKS = new Set(['资本论', '共产党宣言', '论语', '孙子兵法', '毛泽东选集', '邓小平文选']);

const PERIODICAL_ENDING = /(?:日报|晚报|时报|周报|晨报|商报|法制报|报|杂志|月刊|周刊|旬刊|半月刊|双月刊|季刊|学报|期刊|画报|文摘|导刊)$/u;
const BOOK_ENDING = /(?:文选|选集|全集|文集|摘编|读本|论述摘编|谈治国理政|年鉴|词典|辞典|教材|丛书|手册)$/u;
const PERIODICAL_AFTER = /^(?:杂志|会刊|期刊|刊物|报纸|报社|编辑部|[（(]?\d{4}年?第?\d+期|第[\d一二三四五六七八九十]+期|\d{6}期|\d{4}[-—]\d+期)/u;
const PERIODICAL_BEFORE = /(?:刊登于|刊发于|发表于|刊载于|发表在|刊登在|刊发在|订阅|载于)$/u;
const BOOK_AFTER = /^(?:一书|丛书|书中|这本书|等书|出版|读书)/u;
/** Licences, certificates and forms are named in 《》 too: 《营业执照》, 《医疗机构执业许可证》, 《登记表》. */
const FORM_ENDING = /(?:许可证|执照|证书|登记证|资格证|合格证|注册证|居住证|光荣证|证|登记表|申请表|审批表|统计表|报表|表|卡|登记簿|簿|证明书|通知书|决定书|申请书|告知书)$/u;
const WORK_AFTER = /^(?:节目|栏目|专栏|电视剧|电影|纪录片|专题片|宣传片|短视频|视频|歌曲|晚会|展览|微电影|话剧|舞剧|文艺|公众号)/u;

/**
 * What a title names, from the title and the text around it. `before` and
 * `after` are the characters right before 《 and right after 》.
 */
export function classifyCitation(title: string, before = '', after = ''): CitedKind {
  if (WORK_AFTER.test(after)) return 'work';
  if (PERIODICALS.has(title) || PERIODICAL_AFTER.test(after) || PERIODICAL_BEFORE.test(before)) return 'periodical';
  if (BOOKS.has(title) || BOOK_AFTER.test(after)) return 'book';
  if (/^关于/.test(title) || /^中华人民共和国/.test(title)) return 'document';
  if (documentEnding(title)) return 'document';
  if (FORM_ENDING.test(title)) return 'form';
  if (BOOK_ENDING.test(title)) return 'book';
  if (PERIODICAL_ENDING.test(title)) return 'periodical';
  return 'unknown';
}

/** The policy-text ending of a title (…的实施意见 → 实施意见), if it has one. */
export function documentEnding(title: string): string | undefined {
  const bare = title.replace(/[（(][^）)]*[）)]$/u, '');
  return DOCUMENT_ENDINGS.find((ending) => bare.endsWith(ending));
}

/** True when the title is only a kind of document (《意见》, 《实施意见》): a short form that needs its context. */
export function isShortForm(title: string): boolean {
  return GENERIC.has(title.replace(/[（(][^）)]*[）)]$/u, ''));
}
