/**
 * A document's date from the dates a page prints. A page prints several: the
 * date a rule was adopted (题注), the date under a notice's signature, the
 * 成文日期 of a 政府信息公开 table, and the date the site published or
 * reposted its copy (发布时间 — years later, on a law database). Which one is
 * the document's depends on the kind: a rule, notice, opinion or decision is
 * dated by its own dates; an article, report or speech by its publication.
 * Disagreement a person should look at (a date before the document number's
 * year) is returned as a doubt.
 */
import { toPartialDate, findDates } from '../../lib/chinese-date.ts';
import type { DocumentType } from '../../schemas/document.ts';

/**
 * Where a date came from: `doc-field` a 成文日期-like label; `listed` a 发布日期 in a
 * law-database or 信息公开 block; `dateline` the bracketed date under a title
 * (a speech's delivery); `page` the site's 发布时间.
 */
export type DateSource = 'doc-field' | 'adoption' | 'signature' | 'listed' | 'dateline' | 'page' | 'lead' | 'embedded';

/** One date the page prints. */
export interface DateCandidate {
  value: string;
  source: DateSource;
  how: string;
}

/**
 * A date as a metadata value prints it: 2019-04-08 16:37:35, 2021/7/22,
 * 1999.04.01, 2013年06月09 15:50:29 (no 日 before the time), 2026-02-0419:47:55
 * (date and time run together); 06-24 has no year and gives nothing.
 */
export function metaDate(value: string): string | undefined {
  const numeric = /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/.exec(value);
  if (numeric) {
    const day = toPartialDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
    if (day) return day;
  }
  const chinese = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?=\s*日|\s+\d{1,2}:\d{2}|\s*$)/.exec(value);
  if (chinese) {
    const day = toPartialDate(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
    if (day) return day;
  }
  return findDates(value)[0]?.value;
}

const NORMATIVE: ReadonlySet<DocumentType> = new Set(['rule', 'notice', 'opinion', 'decision']);

/** Order of trust per kind: a rule's own dates first; an article's publication first. */
const ORDER: Record<'normative' | 'other', DateSource[]> = {
  normative: ['doc-field', 'listed', 'adoption', 'signature', 'dateline', 'page', 'lead', 'embedded'],
  other: ['dateline', 'page', 'doc-field', 'listed', 'adoption', 'lead', 'embedded', 'signature'],
};

/** The chosen date, and a doubt in words when the page's dates disagree in a way that matters. */
export function chooseDate(
  candidates: DateCandidate[],
  type: DocumentType,
  docNumber?: string,
): { date?: DateCandidate; doubt?: string; others: string[] } {
  const order = ORDER[NORMATIVE.has(type) ? 'normative' : 'other'];
  const ranked = [...candidates].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  const date = ranked[0];
  if (!date) return { others: [] };
  const others = [...new Set(ranked.slice(1).map((c) => c.value))].filter((v) => v !== date.value);
  const year = Number(date.value.slice(0, 4));
  const numbered = docNumber ? /[〔\[(（](\d{4})[〕\])）]/.exec(docNumber) : null;
  if (numbered) {
    const docYear = Number(numbered[1]);
    if (year < docYear || year > docYear + 1) {
      return { date, others, doubt: `日期${date.value}与文号${docNumber}的年份${docYear}不符` };
    }
  }
  // A normative text dated only by the page that carries it: a repost can be years late.
  if (NORMATIVE.has(type) && (date.source === 'page' || date.source === 'embedded') && !ranked.some((c) => ['doc-field', 'adoption', 'signature', 'listed', 'dateline'].includes(c.source))) {
    return { date, others, doubt: `日期${date.value}取自网页的发布时间，原文未写成文或通过日期` };
  }
  return { date, others };
}
