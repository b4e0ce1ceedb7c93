/** Versions of one rule: order, the version in force now and on a given day, timeline, inconsistent statuses. */
import { describe, expect, it } from 'vitest';
import { currentVersion, sortVersions, timeline, versionInForceOn, versionProblems, type VersionFacts } from '../../../src/lib/rules/versions.ts';

const v2012: VersionFacts = { id: 'v2012', title: '条例', date: '2012-09-28', status: '已修订' };
const v2021: VersionFacts = { id: 'v2021', title: '条例', date: '2021-11-26', adopted: '2021-11-26', effective: '2022-01-01', status: '已修订' };
const v2024: VersionFacts = { id: 'v2024', title: '条例', date: '2024-09-27', adopted: '2024-09-27', effective: '2024-12', status: '现行有效' };
const v2026: VersionFacts = { id: 'v2026', title: '条例', adopted: '2026-03-01', effective: '2027-01-01', status: '尚未生效' };

describe('version selection', () => {
  it('orders versions by adoption, whatever order they come in', () => {
    expect(sortVersions([v2024, v2026, v2012, v2021]).map((v) => v.id)).toEqual(['v2012', 'v2021', 'v2024', 'v2026']);
  });

  it('the version in force is the newest marked 现行有效, not a newer one still to come', () => {
    expect(currentVersion([v2026, v2012, v2024, v2021])?.id).toBe('v2024');
  });

  it('without statuses, the newest version is in force; a repealed rule has none', () => {
    const bare = [v2012, v2021].map(({ status: _status, ...v }) => v);
    expect(currentVersion(bare)?.id).toBe('v2021');
    expect(currentVersion([{ ...v2012, status: '已废止' }])).toBeUndefined();
  });

  it('finds the version that applied on a day, with partial dates taken from their first day', () => {
    const all = [v2012, v2021, v2024, v2026];
    expect(versionInForceOn(all, '2010-01-01')).toBeUndefined();
    expect(versionInForceOn(all, '2015')?.id).toBe('v2012');
    // Adopted 2021-11-26 but in force from 2022-01-01.
    expect(versionInForceOn(all, '2021-12-31')?.id).toBe('v2012');
    expect(versionInForceOn(all, '2022-01-01')?.id).toBe('v2021');
    // Effective "2024-12": from 2024-12-01.
    expect(versionInForceOn(all, '2024-11-30')?.id).toBe('v2021');
    expect(versionInForceOn(all, '2024-12-01')?.id).toBe('v2024');
    expect(versionInForceOn(all, '2027-06-01')?.id).toBe('v2026');
  });

  it('draws the timeline: each version with the period it applied', () => {
    expect(timeline([v2024, v2012, v2021, v2026]).map((e) => [e.version.id, e.from, e.until, e.current])).toEqual([
      ['v2012', '2012-09-28', '2022-01-01', false],
      ['v2021', '2022-01-01', '2024-12', false],
      ['v2024', '2024-12', undefined, true],
      ['v2026', '2027-01-01', undefined, false],
    ]);
  });

  it('reports two versions in force, and a newer version marked 已修订', () => {
    expect(versionProblems('w', [v2021, v2024]).length).toBe(0);
    expect(versionProblems('w', [{ ...v2021, status: '现行有效' }, v2024]).map((p) => `${p.id} ${p.field}`)).toEqual(['v2021 status']);
    expect(versionProblems('w', [{ ...v2012, status: '现行有效' }, { ...v2021 }]).map((p) => `${p.id} ${p.field}`)).toEqual(['v2021 status']);
  });
});
