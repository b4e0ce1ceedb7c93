/**
 * Citations in the form of the 法学引注手册 (the legal-citation handbook of
 * China's law journals and publishers, 2019/2020):
 *
 * - a legal or policy document by its name, with the year of the version
 *   when the rule has several (（2021年修订）), （已废止） when repealed, its
 *   document number, and the article in Arabic numerals:
 *   《中华人民共和国行政处罚法》（2021年修订）第9条。
 *   《国务院关于在全国建立农村最低生活保障制度的通知》，国发〔2007〕19号。
 *   《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号），第100条。
 * - a speech by its speaker and date: 于军：《在…上的讲话》（2019年10月29日）。
 * - anything else as a web copy: 作者：《题名》，载…网站2022年6月23日，URL，最后访问日期：2024年5月1日。
 *
 * A title that itself contains 《》 gets 〈〉 inside the outer 书名号. Dates
 * are as precise as the document's; a document without a date has none.
 */
import { formatPartialDate } from '../partial-date.ts';
import {
  ARCHIVE_NAME,
  NORMATIVE_TYPES,
  citedUrl,
  citesArchiveCopy,
  creatorsOf,
  pinpointLabel,
  type CiteOptions,
  type CiteSource,
} from './source.ts';

/** Options of {@link falvYinzhu}. */
export interface FalvYinzhuOptions extends CiteOptions {
  /**
   * Also say where the text is read, as the handbook cites a web copy
   * (，载…网站，URL，最后访问日期：…), after a legal document's or a speech's
   * own citation. An article pinpoint uses it to give the article's address.
   * Default: false (a legal document is cited by its name).
   */
  withLocation?: boolean | undefined;
}

/** A title in 书名号, with nested 书名号 turned into 〈〉. */
function quoted(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** A date in Chinese as precise as written, or '' when there is none. */
function chineseDate(date: string | undefined): string {
  return date ? formatPartialDate(date) : '';
}

/** The site a copy is read on: 人民网, 新华网 as named; another name gets 网站. */
function siteName(name: string): string {
  return /网(站)?$/.test(name) ? name : `${name}网站`;
}

/** ，载…网站（日期），URL，最后访问日期：…, for a web copy or the archive's copy. */
function location(source: CiteSource, options: CiteOptions, withDate: boolean): string {
  const archive = options.pinpoint !== undefined || citesArchiveCopy(source);
  const site = archive ? siteName(ARCHIVE_NAME) : source.sourceName ? siteName(source.sourceName) : '';
  const date = withDate && !archive ? chineseDate(source.date) : '';
  const parts = [site ? `载${site}${date}` : '', citedUrl(source, options.pinpoint)];
  if (options.citedOn) parts.push(`最后访问日期：${chineseDate(options.citedOn)}`);
  return parts.filter(Boolean).map((part) => `，${part}`).join('');
}

/** A legal or policy document by its name: version, status, document number, article. */
function legal(source: CiteSource, pinpoint: string | undefined): string {
  let text = quoted(source.title);
  // The title may already carry its revision (…条例（2023年修订）).
  if (source.revision && !/（\d{4}年(修订|修正)）$/.test(source.title)) {
    text += `（${source.revision.year}年${source.revision.revised ? '修订' : ''}）`;
  }
  if (source.status === '已废止') text += '（已废止）';
  if (pinpoint) return text + (source.docNumber ? `（${source.docNumber}），${pinpoint}` : pinpoint);
  return text + (source.docNumber ? `，${source.docNumber}` : '');
}

/** The 法学引注手册 citation of a document, or of one of its articles with `pinpoint`. */
export function falvYinzhu(source: CiteSource, options: FalvYinzhuOptions = {}): string {
  const pinpoint = options.pinpoint ? pinpointLabel(options.pinpoint) : undefined;
  const author = creatorsOf(source).join('、');
  let text: string;
  if (NORMATIVE_TYPES.has(source.type)) {
    text = legal(source, pinpoint);
    if (options.withLocation) text += location(source, options, false);
  } else if (source.type === 'speech') {
    const date = chineseDate(source.date);
    text = `${author ? `${author}：` : ''}${quoted(source.title)}${date ? `（${date}）` : ''}`;
    if (options.withLocation || source.sourceUrl) text += location(source, options, false);
  } else {
    text = `${author ? `${author}：` : ''}${quoted(source.title)}${pinpoint ?? ''}${location(source, options, true)}`;
  }
  return `${text}。`;
}
