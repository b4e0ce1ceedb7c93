/**
 * Citations of archive documents and of their articles, in the two styles
 * Chinese legal and policy research uses: GB/T 7714—2015 and the
 * 法学引注手册. Framework-free: the build formats the 引用 panel with it, the
 * browser the citation of an article.
 */
import { falvYinzhu } from './falv-yinzhu.ts';
import { gbt7714 } from './gbt7714.ts';
import type { CiteOptions, CiteSource } from './source.ts';

export { falvYinzhu, type FalvYinzhuOptions } from './falv-yinzhu.ts';
export { formatGbtElectronic, gbt7714, type GbtElectronicResource } from './gbt7714.ts';
export { chinaDay, citationDate, documentCiteDates, type CiteDate, type CiteDateEnv } from './cite-date.ts';
export {
  ARCHIVE_NAME,
  citedUrl,
  citesArchiveCopy,
  creatorsOf,
  pinpointLabel,
  revisionOf,
  type CiteOptions,
  type CiteSource,
  type Revision,
} from './source.ts';

/** The citation styles, in the order the page shows them. */
export const CITATION_STYLES = [
  { key: 'gbt7714', label: 'GB/T 7714—2015' },
  { key: 'falv-yinzhu', label: '法学引注手册' },
] as const;

/** A citation style's key, e.g. `gbt7714`. */
export type CitationStyle = (typeof CITATION_STYLES)[number]['key'];

/**
 * A document's (or, with `pinpoint`, an article's) citation in every style.
 * An article's 法学引注手册 citation also gives the article's address in the
 * archive (the handbook's 载…网站，URL，最后访问日期 form after the article).
 */
export function citations(source: CiteSource, options: CiteOptions = {}): Record<CitationStyle, string> {
  return {
    gbt7714: gbt7714(source, options),
    'falv-yinzhu': falvYinzhu(source, { ...options, withLocation: options.pinpoint !== undefined }),
  };
}
