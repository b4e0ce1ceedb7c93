/** Front matter for the export tests, validated by the site's own schema, and titles that are hard to carry. */
import { documentSchema, type DocumentData } from '../../../src/schemas/document.ts';
import { exportRecord, type ExportRecord } from '../../../src/lib/export/record.ts';

/** The archive URL the tests give documents. */
export const ARCHIVE = 'https://wenyuan.example/documents/';

/** Front matter of `fields` after the schema (defaults filled in, as a build sees it). */
export function documentData(fields: Record<string, unknown>): DocumentData {
  return documentSchema.parse({ id: 'test-doc', ...fields });
}

/** The export record of front matter `fields`. */
export function recordOf(fields: Record<string, unknown>): ExportRecord {
  const data = documentData(fields);
  return exportRecord(data.id, data, `${ARCHIVE}${data.id}/`);
}

/** A rule with every field an export uses. */
export const RULE = {
  id: '2023-03-01-qinghe-yishi-guize',
  type: 'rule',
  title: '青禾区人民代表大会常务委员会议事规则',
  date: '2023-03-01',
  issuer: '青禾区人大常委会',
  region: '北京市青禾区',
  doc_number: '青人常发〔2023〕4号',
  status: '现行有效',
  source: { name: '青禾区人大常委会网站', url: 'https://example.org/qinghe/rule.html?id=4&lang=zh#top', retrieved: '2024-05-01' },
  tags: ['议事规则', '人大工作'],
};

/**
 * Titles that break naive writers: TeX specials, unbalanced braces, quotes,
 * line breaks (between Chinese characters, which join, and between Latin
 * words, which keep a space), book-title marks, a text converted from
 * Traditional Chinese, characters outside the Basic Multilingual Plane, and
 * RIS's own separator. Each with the one-line title every format must give back.
 */
export const AWKWARD_TITLES: Array<[string, string]> = [
  ['关于{括号}与}单个反括号{的说明', '关于{括号}与}单个反括号{的说明'],
  ['50%的比例、A&B、第#1号、\\路径、$100、下_划线、~波浪、^上标', '50%的比例、A&B、第#1号、\\路径、$100、下_划线、~波浪、^上标'],
  ['“中文引号”、"直引号"与\'单引号\'', '“中文引号”、"直引号"与\'单引号\''],
  ['关于加强\n新时代人大工作的意见', '关于加强新时代人大工作的意见'],
  ['APP\nguide 与 Web\r\n  平台', 'APP guide 与 Web 平台'],
  ['《中华人民共和国立法法》〈实施〉办法', '《中华人民共和国立法法》〈实施〉办法'],
  ['关于「两岸」交流的办法（繁体转简体：關於→关于）', '关于「两岸」交流的办法（繁体转简体：關於→关于）'],
  ['𠀀𪚥𰻝面与𡘙字', '𠀀𪚥𰻝面与𡘙字'],
  ['A  - B 与 ER  - 结尾', 'A - B 与 ER - 结尾'],
];
