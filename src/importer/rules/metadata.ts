/**
 * Metadata lines of web copies, in the forms Chinese sites print them:
 * `发布时间:2022-06-23 作者:佚名 来源:…`, `原文链接:http…`, the law-database
 * form `【发布部门】…【发文字号】…` (also `【日期】= 1999.04.01`), the
 * 政府信息公开 table read as `发布机构 黑龙江省人民政府`, a byline opening with
 * its date (`2025/02/28 | 记者 陈祥 | 编辑 卢伊`), and page tools printed among
 * them (`放大字体 缩小字体 2019-04-08 来源:…`). A line is metadata only when it
 * is made entirely of known labels, their values, dates and page tools, so a
 * sentence that happens to contain 来源 stays in the body. Lines are read in
 * their detection view (Simplified, no pinyin, no bullet).
 */
import { detectionView } from '../text/view.ts';

/** Which front-matter field a label feeds; `unmapped` fields are kept in the report only. */
export type MetaTarget =
  | 'date'
  | 'doc-date'
  | 'source-name'
  | 'source-url'
  | 'author'
  | 'doc-number'
  | 'issuer'
  | 'effective'
  | 'status'
  | 'abolished'
  | 'title'
  | 'unmapped';

/** One label/value pair found on a metadata line. */
export interface MetaField {
  /** The label as printed (Simplified), or `` for a bare date. */
  label: string;
  value: string;
  target: MetaTarget;
}

/**
 * Labels and what they feed. `doc-date` labels date the document itself
 * (成文日期); `date` labels date the page, which for a reposted rule can be
 * years after it was made.
 */
const LABELS: ReadonlyArray<readonly [string, MetaTarget]> = (
  [
    ['发布时间', 'date'], ['发布日期', 'date'], ['更新时间', 'date'], ['更新日期', 'date'], ['发表时间', 'date'], ['日期', 'date'], ['时间', 'date'], ['发布', 'date'],
    ['成文日期', 'doc-date'], ['公布日期', 'doc-date'], ['印发日期', 'doc-date'], ['颁布日期', 'doc-date'], ['通过日期', 'doc-date'], ['发文日期', 'doc-date'], ['生成日期', 'doc-date'], ['签发日期', 'doc-date'],
    ['信息来源', 'source-name'], ['文章来源', 'source-name'], ['文件来源', 'source-name'], ['稿件来源', 'source-name'], ['来源', 'source-name'], ['出处', 'source-name'],
    ['原文链接', 'source-url'], ['原文地址', 'source-url'], ['原文网址', 'source-url'], ['链接', 'source-url'], ['网址', 'source-url'],
    ['作者', 'author'], ['撰稿', 'author'], ['供稿', 'author'], ['记者', 'author'], ['通讯员', 'author'], ['本报记者', 'author'], ['本报通讯员', 'author'], ['特约记者', 'author'],
    ['发文字号', 'doc-number'], ['发布文号', 'doc-number'], ['文号', 'doc-number'],
    ['发布机构', 'issuer'], ['发文机关', 'issuer'], ['发布部门', 'issuer'], ['发文单位', 'issuer'], ['制定机关', 'issuer'], ['发布单位', 'issuer'], ['颁布单位', 'issuer'], ['颁布机关', 'issuer'], ['制发机关', 'issuer'],
    ['生效时间', 'effective'], ['施行日期', 'effective'], ['实施日期', 'effective'], ['生效日期', 'effective'],
    ['时效性', 'status'], ['效力状态', 'status'], ['有效性状态', 'status'], ['有效性', 'status'],
    ['废止时间', 'abolished'], ['失效时间', 'abolished'], ['废止日期', 'abolished'], ['失效日期', 'abolished'],
    ['标题', 'title'], ['名称', 'title'], ['文件名称', 'title'], ['文件标题', 'title'],
    ['发布机关', 'issuer'], ['主题词', 'unmapped'],
    ['责任编辑', 'unmapped'], ['编辑', 'unmapped'], ['审核', 'unmapped'], ['校对', 'unmapped'], ['编审', 'unmapped'],
    ['浏览次数', 'unmapped'], ['阅读次数', 'unmapped'], ['点击数', 'unmapped'], ['浏览', 'unmapped'], ['阅读', 'unmapped'], ['点击', 'unmapped'],
    ['索引号', 'unmapped'], ['信息索引号', 'unmapped'], ['公开方式', 'unmapped'], ['公开范围', 'unmapped'], ['法律性质', 'unmapped'], ['文种', 'unmapped'], ['主题分类', 'unmapped'], ['体裁分类', 'unmapped'], ['效力级别', 'unmapped'], ['所属类别', 'unmapped'],
    ['法规类别', 'unmapped'], ['关键词', 'unmapped'], ['信息分类', 'unmapped'], ['分类', 'unmapped'],
    ['专业属性', 'unmapped'], ['属性', 'unmapped'], ['备注', 'unmapped'], ['核心提示', 'unmapped'], ['组配分类', 'unmapped'],
    ['期号', 'unmapped'], ['版次', 'unmapped'], ['版名', 'unmapped'], ['专栏', 'unmapped'], ['正文', 'unmapped'],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length);

/**
 * Labels that stand without a colon in tables copied as text (`发布日期 2019-04-06`).
 * Only multi-character labels no sentence opens with; a lone `时间` or `来源` needs its colon.
 */
const BARE_LABELS = new Set([
  '发布日期', '发布时间', '成文日期', '公布日期', '印发日期', '颁布日期', '生效日期', '施行日期', '实施日期', '失效日期', '废止日期',
  '发文字号', '发布文号', '发布机构', '发文机关', '发布部门', '发布单位', '颁布单位', '制定机关', '有效性状态', '时效性', '效力级别',
  '索引号', '主题分类', '信息分类', '所属类别', '专业属性', '属性', '备注', '责任编辑', '记者', '编辑', '作者', '通讯员',
  '有效性', '发布机关', '文号', '名称', '标题', '体裁分类', '组配分类', '主题词', '生成日期', '信息索引号', '公开方式', '本报记者', '本报通讯员', '特约记者',
]);

/** A label as tables print it: 索 引 号, 发布机构 — spaces between its characters allowed. */
const spaced = (label: string) => [...label].join('[ \\u3000]*');
const LABEL_ALTERNATION = LABELS.map(([label]) => spaced(label)).join('|');
const BARE_ALTERNATION = [...BARE_LABELS].sort((a, b) => b.length - a.length).map(spaced).join('|');
/** `Label:`, `Label：`, `Label=`, `【Label】` (optionally followed by `=`), or a bare table label before a space or the end. */
const LABEL_AT = new RegExp(
  `(?:【\\s*(${LABEL_ALTERNATION})\\s*】\\s*[=:：]?|(${LABEL_ALTERNATION})\\s*[:：=]|(?<![\\u4e00-\\u9fa5])(${BARE_ALTERNATION})(?=[\\s|｜]|$))`,
  'g',
);

/** A date (and time) as pages print them: 2019-04-08 16:37:35, 2021/7/22, 2013年06月09 15:50:29, 1999.04.01, 2026-02-0419:47:55. */
const DATE_TIME = String.raw`\d{4}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?`;
const LEADING_DATE = new RegExp(`^[(（\\[【]?(${DATE_TIME})[)）\\]】]?`);
const BYLINE = /^(?:原创\s+)?((?:[\u4e00-\u9fa5A-Za-z]{2,20}\s+){0,2}[\u4e00-\u9fa5A-Za-z]{2,20})[\s\u3000]+(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:\s*发表于\S{1,10})?$/;
/** A newspaper's edition line: 东营日报 2023年05月06日 第01版：要闻. */
const EDITION = new RegExp(`^《?([\\u4e00-\\u9fa5]{2,12}?)》?\\s*[(（]?\\s*(${DATE_TIME})\\s*(?:星期.\\s*)?(?:第\\s*\\d+\\s*版|\\d+\\s*版)\\s*[)）]?(?:\\s*[:：]?\\s*\\S{0,12})?$`);
const TRAILING_DATE = new RegExp(`\\s+[(（]?(${DATE_TIME})[)）]?$`);

/** Page tools printed inside metadata lines; removed with the line. */
const TOOLS = /【\s*字[号体][\s:：]*[大中小\s]*】|[\[【]\s*(?:下载\S{0,6}|我要打印|打印本页|打印|关闭|返回|收藏)\s*[\]】]|放大字体|缩小字体|默认字体|字体\s*[:：]?\s*[\[【]?\s*[大中小]?\s*[\]】]?(?:\s*[\[【]?\s*[大中小]\s*[\]】]?)*|【\s*[大中小]\s*】|收藏本文|收藏本页|打印本页|打印文章|关闭窗口|分享到\s*[:：]?|分享|[\[【]\s*(?:打印|关闭|收藏|返回)\s*[\]】]/g;

const COUNTERS = new Set(['浏览次数', '阅读次数', '点击数', '浏览', '阅读', '点击']);

function targetOf(label: string): MetaTarget {
  return LABELS.find(([l]) => l === label)?.[1] ?? 'unmapped';
}

/** Splits a trailing date off a value (`redcloud 2017-09-26 08:22:25` → `redcloud`, the date). */
function splitTrailingDate(value: string): { value: string; date?: string } {
  const m = TRAILING_DATE.exec(value);
  return m ? { value: value.slice(0, m.index).trim(), date: m[1]! } : { value };
}

/**
 * Parses a whole line of label/value pairs; undefined when the line is not
 * metadata. It must start with a label or a date, and `时间`/`日期` alone
 * need a date value.
 */
export function parseMetadataLine(line: string): MetaField[] | undefined {
  const view = detectionView(line);
  if (view.length === 0 || view.length > 300) return undefined;
  // A publisher and a date (泸川市政务服务中心　2023-05-18 16:20): the byline of a news page.
  const byline = BYLINE.exec(view);
  if (byline) return [{ label: '', value: byline[1]!, target: 'source-name' }, { label: '', value: byline[2]!, target: 'date' }];
  // A table row copied with tabs between its cells: label, value, label, value.
  if (/\t/.test(line)) {
    const cells = detectionView(line.replace(/\t+/g, '\t')).split('\t').map((c) => c.trim());
    if (cells.length >= 2 && cells.length % 2 === 0 && cells.every((c, k) => k % 2 === 1 || labelTarget(c) !== undefined)) {
      return cells.flatMap((c, k) => (k % 2 === 0 ? [{ label: c.replace(/[\s\u3000:：]/g, ''), value: cells[k + 1]!, target: labelTarget(c)! }] : []));
    }
  }
  const edition = EDITION.exec(view);
  if (edition) return [{ label: '', value: edition[1]!, target: 'source-name' }, { label: '', value: edition[2]!, target: 'date' }];
  // Page tools and the bars between bylines' parts are layout, not values.
  let text = view.replace(TOOLS, ' ').replace(/\s*[|｜]\s*/g, '  ').trim();
  const fields: MetaField[] = [];
  const leading = LEADING_DATE.exec(text);
  if (leading) {
    fields.push({ label: '', value: leading[1]!, target: 'date' });
    text = text.slice(leading[0].length).trim();
  }
  // A line that is only a date is the page's date when printed as pages print it (2020-01-11, with a time);
  // 2000年11月13日 alone is a signature date, part of the document's text.
  // A weekday beside it (2024年03月12日 星期二) marks a page's dateline too.
  const weekday = /^星期[一二三四五六日天]$/.test(text);
  if (text === '' || weekday) return leading && (weekday || /\d:\d/.test(leading[1]!) || !/年/.test(leading[1]!)) ? fields : undefined;
  const matches = [...text.matchAll(LABEL_AT)];
  if (matches.length === 0 || matches[0]!.index !== 0) return undefined;
  for (const [i, m] of matches.entries()) {
    const label = (m[1] ?? m[2] ?? m[3])!.replace(/[ \u3000]/g, '');
    const start = m.index + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    const raw = text.slice(start, end).trim();
    const target = targetOf(label);
    const bare = m[3] !== undefined;
    // A bare label's value is one table cell: short, no sentence in it.
    if (bare && (raw.length > 40 || /[。；]/.test(raw))) return undefined;
    if (target !== 'date' && target !== 'doc-date' && target !== 'effective' && target !== 'abolished') {
      const split = splitTrailingDate(raw);
      fields.push({ label, value: split.value, target });
      if (split.date) fields.push({ label: '', value: split.date, target: 'date' });
    } else {
      fields.push({ label, value: raw, target });
    }
  }
  // 时间/日期 are common words; as a lone label they must carry a date.
  const labelled = fields.filter((f) => f.label !== '');
  if (fields.length === 1 && /^(时间|日期|发布)$/.test(fields[0]!.label) && !/\d/.test(fields[0]!.value)) return undefined;
  if (labelled.length === 1 && labelled[0]!.label === '发布' && !/\d/.test(labelled[0]!.value)) return undefined;
  // Counters alone are page chrome (the boilerplate rules name them), not metadata.
  if (labelled.length > 0 && labelled.every((f) => COUNTERS.has(f.label)) && fields.length === labelled.length) return undefined;
  // A long value is a sentence that starts with a label-like word, not metadata.
  if (fields.some((f) => f.value.length > 120 && f.target !== 'source-url' && f.label !== '核心提示')) return undefined;
  return fields;
}

/** True for a line that is only a label waiting for its value on the next line (`发布单位`, `【文章来源】`). */
export function isLabelOnly(fields: readonly MetaField[]): boolean {
  return fields.length === 1 && fields[0]!.label !== '' && fields[0]!.value === '';
}

/**
 * Metadata inside a line that is chrome as a whole (a navigation row that also
 * prints `作者:栗战书 2021年10月23日`): the labelled fields from the first label on.
 */
export function embeddedMetadata(line: string): MetaField[] {
  const view = detectionView(line);
  const first = /(作者|来源|发布时间|发布日期|时间|日期)\s*[:：]/.exec(view);
  if (!first) return [];
  const tail = view.slice(first.index).split(/\s*[|｜(（]/)[0]!;
  const fields = parseMetadataLine(tail) ?? [];
  const dated = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}/.exec(tail);
  if (dated && !fields.some((f) => f.target === 'date')) fields.push({ label: '', value: dated[0], target: 'date' });
  return fields;
}

/** Which field a label feeds (for tables read cell by cell). */
export function labelTarget(label: string): MetaTarget | undefined {
  const view = detectionView(label).replace(/[:：]$/, '');
  return LABELS.find(([l]) => l === view)?.[1];
}
