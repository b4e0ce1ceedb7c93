/**
 * Versions of one rule (documents sharing a `work`): their order, which one
 * is in force, which one was in force on a given day, and what is
 * inconsistent about their statuses. Dates keep their precision: a version
 * effective in 2024-07 is taken to start on the first day of that month.
 */
import { parsePartialDate } from '../partial-date.ts';
import type { STATUSES } from '../vocabulary.ts';

/** What version logic needs to know of a document. */
export interface VersionFacts {
  id: string;
  title: string;
  /** The document's date. */
  date?: string | undefined;
  /** When the version was adopted (通过/修订); falls back to `date`. */
  adopted?: string | undefined;
  /** When it took effect (施行). */
  effective?: string | undefined;
  status?: (typeof STATUSES)[number] | undefined;
}

/** First day of a partial date as YYYY-MM-DD, for comparisons; undefined when missing or invalid. */
export function startOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const parsed = parsePartialDate(date);
  if ('error' in parsed) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.year}-${pad(parsed.month ?? 1)}-${pad(parsed.day ?? 1)}`;
}

/** When a version was adopted: `adopted`, else `date`. */
export function adoptedOn(version: VersionFacts): string | undefined {
  return version.adopted ?? version.date;
}

/** When a version starts to apply: `effective`, else its adoption. */
export function inForceFrom(version: VersionFacts): string | undefined {
  return version.effective ?? adoptedOn(version);
}

/** Versions oldest first, by adoption date (undated last), then effective date, then id. */
export function sortVersions<T extends VersionFacts>(versions: readonly T[]): T[] {
  const key = (v: VersionFacts) => startOf(adoptedOn(v)) ?? '9999-99-99';
  return [...versions].sort(
    (a, b) =>
      key(a).localeCompare(key(b)) ||
      (startOf(a.effective) ?? '').localeCompare(startOf(b.effective) ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The version in force now, as the statuses say: the newest one marked
 * 现行有效. When no version carries a status at all, the newest one that is
 * neither 尚未生效 nor 已废止. Undefined when the rule is repealed or not yet
 * in force.
 */
export function currentVersion<T extends VersionFacts>(versions: readonly T[]): T | undefined {
  const sorted = sortVersions(versions);
  const marked = sorted.filter((v) => v.status === '现行有效');
  if (marked.length > 0) return marked.at(-1);
  if (sorted.every((v) => v.status === undefined)) return sorted.at(-1);
  return undefined;
}

/**
 * The version that applied on `date` (YYYY, YYYY-MM or YYYY-MM-DD): the newest
 * one in force from that day or earlier. Undefined before the first version,
 * or when that version was repealed (已废止) and nothing replaced it.
 */
export function versionInForceOn<T extends VersionFacts>(versions: readonly T[], date: string): T | undefined {
  const day = startOf(date);
  if (!day) return undefined;
  const started = sortVersions(versions).filter((v) => {
    const from = startOf(inForceFrom(v));
    return from !== undefined && from <= day;
  });
  const found = started.sort((a, b) => startOf(inForceFrom(a))!.localeCompare(startOf(inForceFrom(b))!)).at(-1);
  return found?.status === '已废止' ? undefined : found;
}

/** One version on the timeline, with the period it applied. */
export interface TimelineEntry<T extends VersionFacts> {
  version: T;
  /** In force from (effective, else adopted). */
  from?: string;
  /** Until the next version took effect; undefined while current or when unknown. */
  until?: string;
  /** True for the version in force now. */
  current: boolean;
}

/** The versions oldest first, each with the period it applied and whether it is the current one. */
export function timeline<T extends VersionFacts>(versions: readonly T[]): Array<TimelineEntry<T>> {
  const sorted = sortVersions(versions);
  const current = currentVersion(sorted);
  return sorted.map((version, i) => {
    const from = inForceFrom(version);
    const next = sorted.slice(i + 1).find((v) => inForceFrom(v) !== undefined && v.status !== '尚未生效');
    const until = version.status === '现行有效' || version.status === '尚未生效' ? undefined : next && inForceFrom(next);
    return { version, ...(from ? { from } : {}), ...(until ? { until } : {}), current: version === current };
  });
}

/** A problem with the versions of one work, for `npm run check`. */
export interface VersionProblem {
  id: string;
  field: 'status' | 'work' | 'adopted';
  message: string;
}

/** Inconsistent statuses: several versions 现行有效, an older version in force after a newer one, versions of different titles. */
export function versionProblems(work: string, versions: readonly VersionFacts[]): VersionProblem[] {
  const sorted = sortVersions(versions);
  const problems: VersionProblem[] = [];
  const inForce = sorted.filter((v) => v.status === '现行有效');
  for (const old of inForce.slice(0, -1)) {
    problems.push({
      id: old.id,
      field: 'status',
      message: `work ${work} has ${inForce.length} versions marked 现行有效; only the newest (${inForce.at(-1)!.id}) can be. Set this one to 已修订`,
    });
  }
  const latest = inForce.at(-1);
  if (latest) {
    for (const newer of sorted.slice(sorted.indexOf(latest) + 1)) {
      if (newer.status === '已修订') {
        problems.push({
          id: newer.id,
          field: 'status',
          message: `this version is marked 已修订 but is newer than ${latest.id}, which is 现行有效; check the statuses and adoption dates of work ${work}`,
        });
      }
    }
  }
  for (const v of sorted) {
    if (!adoptedOn(v)) {
      problems.push({ id: v.id, field: 'adopted', message: `a version of work ${work} needs a date or adopted date, so the versions can be put in order` });
    }
  }
  return problems;
}
