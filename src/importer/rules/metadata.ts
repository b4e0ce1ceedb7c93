/**
 * Metadata lines of web copies: `发布时间:2022-06-23 作者:佚名 来源:…`,
 * `原文链接:http…`, and the `【发布部门】…【发文字号】…` style. A line is
 * metadata only when it is made entirely of known labels and their values, so
 * a sentence that happens to contain 来源 stays in the body.
 */

/** Which front-matter field a label feeds; `unmapped` fields are kept in the report only. */
export type MetaTarget =
  | 'date'
  | 'source-name'
  | 'source-url'
  | 'author'
  | 'doc-number'
  | 'issuer'
  | 'effective'
  | 'status'
  | 'abolished'
  | 'unmapped';

/** One label/value pair found on a metadata line. */
export interface MetaField {
  label: string;
  value: string;
  target: MetaTarget;
}

/** Labels, longest first so 发布时间 wins over 时间. */
const LABELS: ReadonlyArray<readonly [string, MetaTarget]> = (
  [
    ['发布时间', 'date'], ['发布日期', 'date'], ['成文日期', 'date'], ['公布日期', 'date'], ['印发日期', 'date'],
    ['日期', 'date'], ['时间', 'date'],
    ['信息来源', 'source-name'], ['文章来源', 'source-name'], ['来源', 'source-name'], ['出处', 'source-name'],
    ['原文链接', 'source-url'], ['原文地址', 'source-url'], ['原文网址', 'source-url'], ['链接', 'source-url'], ['网址', 'source-url'],
    ['作者', 'author'], ['撰稿', 'author'], ['供稿', 'author'],
    ['发文字号', 'doc-number'], ['文号', 'doc-number'],
    ['发布机构', 'issuer'], ['发文机关', 'issuer'], ['发布部门', 'issuer'], ['发文单位', 'issuer'], ['制定机关', 'issuer'],
    ['生效时间', 'effective'], ['施行日期', 'effective'], ['实施日期', 'effective'], ['生效日期', 'effective'],
    ['时效性', 'status'], ['效力状态', 'status'],
    ['废止时间', 'abolished'], ['失效时间', 'abolished'], ['废止日期', 'abolished'],
    ['索引号', 'unmapped'], ['主题分类', 'unmapped'], ['体裁分类', 'unmapped'], ['效力级别', 'unmapped'],
    ['法规类别', 'unmapped'], ['主题词', 'unmapped'], ['分类', 'unmapped'],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length);

const LABEL_ALTERNATION = LABELS.map(([label]) => label).join('|');
/** `Label:` or `Label：` (also with spaces), or `【Label】`. */
const LABEL_AT = new RegExp(`(?:【\\s*(${LABEL_ALTERNATION})\\s*】|(${LABEL_ALTERNATION})\\s*[:：])`, 'g');

function targetOf(label: string): MetaTarget {
  return LABELS.find(([l]) => l === label)?.[1] ?? 'unmapped';
}

/**
 * Parses a whole line of label/value pairs; undefined when the line is not
 * metadata (it must start with a label, and `时间`/`日期` alone need a date value).
 */
export function parseMetadataLine(line: string): MetaField[] | undefined {
  const text = line.trim();
  if (text.length > 300) return undefined;
  const matches = [...text.matchAll(LABEL_AT)];
  if (matches.length === 0 || matches[0]!.index !== 0) return undefined;
  const fields: MetaField[] = [];
  for (const [i, m] of matches.entries()) {
    const label = (m[1] ?? m[2])!;
    const start = m.index + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    const value = text.slice(start, end).trim();
    fields.push({ label, value, target: targetOf(label) });
  }
  // 时间/日期 are common words; as a lone label they must carry a date.
  if (fields.length === 1 && /^(时间|日期)$/.test(fields[0]!.label) && !/\d/.test(fields[0]!.value)) return undefined;
  // A long value is a sentence that starts with a label-like word, not metadata.
  if (fields.some((f) => f.value.length > 120 && f.target !== 'source-url')) return undefined;
  return fields;
}
