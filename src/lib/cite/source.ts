/**
 * What a citation is made of: one document's catalogue data, reduced to what
 * the two citation styles read, plus the helpers both styles share (who is
 * responsible for the text, which address is cited, how an article anchor is
 * written in a citation). Free of Astro and of Node, so the browser formats
 * article citations with the same code as the build.
 */
import { parseChineseNumber } from '../chinese-numerals.ts';
import { yearOf } from '../partial-date.ts';
import { adoptedOn, sortVersions, type VersionFacts } from '../rules/versions.ts';
import type { DocumentType, STATUSES } from '../vocabulary.ts';

/** The year of a rule's version and whether an earlier version exists, e.g. `{ year: 2021, revised: true }` for 2021年修订. */
export interface Revision {
  /** Year this version was adopted (通过/修订), e.g. 2021. */
  year: number;
  /** True when an earlier version of the same rule is in the archive. */
  revised: boolean;
}

/** One document as the citation formatters read it. */
export interface CiteSource {
  /** Document kind, e.g. `rule`. */
  type: DocumentType;
  /** Title as archived (Simplified Chinese), e.g. 北京市各级人民代表大会常务委员会规范性文件备案审查条例. */
  title: string;
  /** Issuing body or author's unit, e.g. 北京市人民代表大会常务委员会; several joined by 、 or spaces. */
  issuer?: string | undefined;
  /** Speaker of a speech, e.g. 于军. */
  speaker?: string | undefined;
  /** Date as precise as the source: 2019, 2019-10 or 2019-10-29. */
  date?: string | undefined;
  /** Document number (发文字号), e.g. 京政办发〔2005〕37号. */
  docNumber?: string | undefined;
  /** Validity (时效性), e.g. 已废止. */
  status?: (typeof STATUSES)[number] | undefined;
  /** For a rule with several versions in the archive: this version's year. */
  revision?: Revision | undefined;
  /** Where the copy came from, e.g. 北京市人民代表大会常务委员会 or 人民网. */
  sourceName?: string | undefined;
  /** Address of the original web copy. */
  sourceUrl?: string | undefined;
  /** The archive's own permanent address of the document, e.g. https://example.org/documents/x/. */
  archiveUrl: string;
  /** True when the original was Traditional Chinese and the archived text is a conversion. */
  converted?: boolean | undefined;
}

/** What a citation adds to its source. */
export interface CiteOptions {
  /** Date of citation (引用日期 / 最后访问日期), YYYY-MM-DD; left out when undefined. */
  citedOn?: string | undefined;
  /** An anchor of the rule's structure to cite instead of the whole document, e.g. 第八条 or 第八条第二款. */
  pinpoint?: string | undefined;
}

/** The archive's own name, where a citation names the site that holds the copy. */
export const ARCHIVE_NAME = '文渊';

/** Kinds cited by name as legal and policy documents (法律文件) rather than as web pages. */
export const NORMATIVE_TYPES: ReadonlySet<DocumentType> = new Set(['rule', 'opinion', 'decision', 'notice']);

/**
 * The persons or bodies responsible for the text: the speaker of a speech,
 * otherwise the issuer, split where several are listed (中共柏溪县委、柏溪县人民政府).
 * A speech without a speaker has none: its issuer is not its author.
 */
export function creatorsOf(source: CiteSource): string[] {
  const names = source.type === 'speech' ? source.speaker : source.issuer;
  return (names ?? '').split(/[、，,\s\u3000]+/).filter(Boolean);
}

/**
 * True when the citation points at the archive's copy rather than the source:
 * when there is no source address, or when the archived text is a conversion
 * from Traditional Chinese (its title and text are the archive's, not the page's).
 */
export function citesArchiveCopy(source: CiteSource): boolean {
  return !source.sourceUrl || source.converted === true;
}

/** The address a citation gives: the article's anchor in the archive for a pinpoint, else the source or the archive's copy. */
export function citedUrl(source: CiteSource, pinpoint?: string): string {
  if (pinpoint) return `${source.archiveUrl}#${pinpoint}`;
  return citesArchiveCopy(source) ? source.archiveUrl : source.sourceUrl!;
}

/**
 * An anchor as a citation writes it: article, 款 and 项 numbers in Arabic
 * numerals, as the 法学引注手册 asks and GB/T 7714 writes numbers:
 * 第八条第二款 → 第8条第2款, 第十二条之一 → 第12条之一, 第8条 stays.
 */
export function pinpointLabel(anchor: string): string {
  return anchor.replace(/第([零〇○一二两三四五六七八九十百千万]+)(条|款|项)/g, (whole, numeral: string, unit: string) => {
    const value = parseChineseNumber(numeral);
    return value === undefined ? whole : `第${value}${unit}`;
  });
}

/**
 * The revision a version of a rule is cited with, from the versions of its
 * work: the year it was adopted, and whether it revised an earlier version.
 * Undefined for a rule with one version, or when the version's year is not
 * known (no year is ever guessed).
 */
export function revisionOf(versions: readonly VersionFacts[], id: string): Revision | undefined {
  if (versions.length < 2) return undefined;
  const sorted = sortVersions(versions);
  const index = sorted.findIndex((v) => v.id === id);
  if (index < 0) return undefined;
  const year = yearOf(adoptedOn(sorted[index]!));
  return year === undefined ? undefined : { year, revised: index > 0 };
}
