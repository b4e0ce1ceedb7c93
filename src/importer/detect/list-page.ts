/**
 * A page that lists documents (a column page, search results) is not a
 * document: importing it would put a list of other titles into the archive
 * under the first one's name. The shape: many short entries, each a
 * headline with a date beside it (or a link), and no prose.
 */
import type { Block } from '../types.ts';

const DATE = /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}-\d{1,2})/;
const ENTRY_DATE = new RegExp(`^[\\[【（(]?${DATE.source}[\\]】）)]?|[\\[【（(]?${DATE.source}[\\]】）)]?$`);
const SEARCH = /搜索结果|检索结果|共找到\s*\d+\s*(条|个|篇)|找到相关(结果|内容)|共\s*\d+\s*条(记录|结果)/;

const textOf = (b: Block) => b.inlines.map((i) => i.text).join('').trim();

/** Why the page is a list of links rather than a document; undefined for a document. */
export function listPageReason(blocks: readonly Block[], links?: { textShare: number; count: number }): string | undefined {
  const texts = blocks.filter((b) => b.kind !== 'table').map(textOf).filter((t) => t !== '');
  if (texts.length === 0) return undefined;
  const prose = texts.filter((t) => t.length >= 80 && /[。；]/.test(t)).length;
  const entries = texts.filter((t) => t.length <= 80 && !/[。；]/.test(t) && ENTRY_DATE.test(t) && /[\u4e00-\u9fa5]{4}/.test(t)).length;
  const search = texts.find((t) => t.length <= 60 && SEARCH.test(t));
  // A search result prints its address and date under its headline.
  const addresses = texts.filter((t) => (/(https?:\/\/|www\.)\S+/.test(t) && DATE.test(t)) || /^\d{1,3}[.、．]\s*\S{4,}/.test(t)).length;
  if (search && entries + addresses >= 3 && prose <= 1) return `list page: a search page ("${search}", ${entries} dated entries)`;
  if (entries >= 8 && entries >= texts.length * 0.6 && prose <= 1) {
    return `list page: ${entries} of ${texts.length} lines are dated headlines and ${prose === 0 ? 'none is' : 'only one is'} prose`;
  }
  if (links && links.count >= 15 && links.textShare >= 0.6 && prose <= 1) {
    return `list page: ${links.count} links hold ${Math.round(links.textShare * 100)} % of the text and there is no prose`;
  }
  return undefined;
}
