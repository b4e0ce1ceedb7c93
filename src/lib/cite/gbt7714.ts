/**
 * Citations in GB/T 7714—2015《信息与文献　参考文献著录规则》, the form of an
 * electronic resource (4.6): 主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识].
 * 出版地: 出版者, 出版年: 引文页码(更新或修改日期)[引用日期]. 获取和访问路径.
 *
 * Every document is cited as an online copy, [EB/OL] (电子公告, 联机网络): at the
 * source's address, or the archive's own permanent address where the source
 * has none. A copy online has no place or publisher of its own, so, as in the
 * standard's examples of 4.6.2, the date follows the type code in
 * parentheses, then the date of citation in brackets. The document number
 * and the article cited are 其他题名信息 after the title, as the standard
 * writes a volume (国史旧闻: 第1卷) or a document number (…的通知: 京政办发〔2005〕37号).
 * Without a responsible body the entry starts with its title, as the
 * standard allows for numbered reference lists.
 */
import { citedUrl, creatorsOf, pinpointLabel, type CiteOptions, type CiteSource } from './source.ts';

/** One electronic resource as GB/T 7714—2015 4.6 describes it. */
export interface GbtElectronicResource {
  /** 主要责任者, each as written, e.g. 北京市人民政府办公厅 or BAWDEN D; more than three become the first three and 等. */
  creators: readonly string[];
  /** 题名. */
  title: string;
  /** 其他题名信息, each after `: `: a document number, a part such as 第8条. */
  otherTitleInfo?: readonly string[] | undefined;
  /** 文献类型标识, e.g. `EB` (电子公告), `A` (档案), `R` (报告). */
  type: string;
  /** 文献载体标识, e.g. `OL` (联机网络). */
  carrier?: string | undefined;
  /** 更新或修改日期, as precise as known: 2019, 2019-10 or 2019-10-29. */
  date?: string | undefined;
  /** 引用日期, YYYY-MM-DD. */
  citedOn?: string | undefined;
  /** 获取和访问路径. */
  url?: string | undefined;
}

/** Each element of an entry ends with a full stop, once (Online Computer Library Center, Inc. keeps its own). */
function element(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** Formats one electronic resource: elements in the standard's order, each closed by `. `. */
export function formatGbtElectronic(resource: GbtElectronicResource): string {
  const elements: string[] = [];
  const creators = resource.creators.length > 3 ? [...resource.creators.slice(0, 3), '等'] : resource.creators;
  if (creators.length > 0) elements.push(creators.join(', '));
  const code = resource.carrier ? `${resource.type}/${resource.carrier}` : resource.type;
  elements.push(`${[resource.title, ...(resource.otherTitleInfo ?? [])].join(': ')}[${code}]`);
  const dates = `${resource.date ? `(${resource.date})` : ''}${resource.citedOn ? `[${resource.citedOn}]` : ''}`;
  if (dates) elements.push(dates);
  if (resource.url) elements.push(resource.url);
  return elements.map(element).join(' ');
}

/** The GB/T 7714—2015 citation of a document, or of one of its articles with `pinpoint`. */
export function gbt7714(source: CiteSource, options: CiteOptions = {}): string {
  const otherTitleInfo = [source.docNumber, options.pinpoint && pinpointLabel(options.pinpoint)].filter((x): x is string => !!x);
  return formatGbtElectronic({
    creators: creatorsOf(source),
    title: source.title,
    otherTitleInfo,
    type: 'EB',
    carrier: 'OL',
    date: source.date,
    citedOn: options.citedOn,
    url: citedUrl(source, options.pinpoint),
  });
}
