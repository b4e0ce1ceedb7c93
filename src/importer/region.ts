/**
 * Resolves administrative divisions named in a document (海淀区 →
 * 北京市海淀区, 昭化区 → 四川省广元市昭化区) against regions.json. Only full
 * names count (海淀区, not 海淀), and two-character names (城区, 郊区) only
 * when their parent is named right before them, because short names are
 * ordinary words in policy prose. A name shared by several divisions
 * (朝阳区) counts only when the text also names its parent.
 */
import data from './data/regions.json' with { type: 'json' };

/** One division with its full name, e.g. 四川省广元市昭化区. */
export interface Division {
  code: string;
  name: string;
  fullName: string;
}

/** Placeholder levels in GB/T 2260 that are not names (市辖区 of a municipality). */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let index: { byName: Map<string, Division[]>; byCode: Map<string, Division>; lengthsByFirst: Map<string, number[]> } | undefined;

function build() {
  const names = new Map<string, string>((data.divisions as Array<[string, string]>).map(([code, name]) => [code, name]));
  const byName = new Map<string, Division[]>();
  const byCode = new Map<string, Division>();
  for (const [code, name] of names) {
    if (PLACEHOLDERS.has(name)) continue;
    const parts = [code.slice(0, 2), code.slice(0, 4), code]
      .filter((c, i, all) => c.length <= code.length && all.indexOf(c) === i)
      .map((c) => names.get(c))
      .filter((n): n is string => n !== undefined && !PLACEHOLDERS.has(n));
    const division = { code, name, fullName: parts.join('') };
    byCode.set(code, division);
    byName.set(name, [...(byName.get(name) ?? []), division]);
  }
  // For each first character, the name lengths that start with it, longest first.
  const lengthsByFirst = new Map<string, number[]>();
  for (const name of byName.keys()) {
    const lengths = lengthsByFirst.get(name[0]!) ?? [];
    if (!lengths.includes(name.length)) lengths.push(name.length);
    lengthsByFirst.set(name[0]!, lengths.sort((a, b) => b - a));
  }
  return { byName, byCode, lengthsByFirst };
}

function parentsOf(division: Division): Division[] {
  index ??= build();
  const codes = [division.code.slice(0, 2), division.code.slice(0, 4)].filter((c) => c.length < division.code.length);
  return codes.map((c) => index!.byCode.get(c)).filter((d): d is Division => d !== undefined);
}

/** Every division name in `text`, longest match at each position. */
export function findDivisionNames(text: string): Array<{ name: string; index: number; candidates: Division[] }> {
  index ??= build();
  const found: Array<{ name: string; index: number; candidates: Division[] }> = [];
  for (let i = 0; i < text.length; i++) {
    const lengths = index.lengthsByFirst.get(text[i]!);
    if (!lengths) continue;
    for (const len of lengths) {
      if (i + len > text.length) continue;
      const name = text.slice(i, i + len);
      const candidates = index.byName.get(name);
      if (!candidates) continue;
      if (len === 2) {
        const withParent = candidates.filter((d) => parentsOf(d).some((p) => text.slice(Math.max(0, i - p.name.length), i) === p.name));
        if (withParent.length === 0) continue;
        found.push({ name, index: i, candidates: withParent });
      } else {
        found.push({ name, index: i, candidates });
      }
      i += len - 1;
      break;
    }
  }
  return found;
}

/** The result of resolving a region, with the evidence for the report. */
export interface RegionResult {
  region?: string;
  how: string;
}

/**
 * Picks the region from ordered sources (issuer, title, …, body): the first
 * source naming one consistent chain of divisions wins, and its deepest
 * division is the region. `context` (the whole text) disambiguates shared names.
 */
export function resolveRegion(sources: ReadonlyArray<{ label: string; text: string }>, context: string): RegionResult {
  const notes: string[] = [];
  for (const source of sources) {
    if (!source.text) continue;
    const mentions = findDivisionNames(source.text);
    if (mentions.length === 0) continue;
    const resolved: Division[] = [];
    for (const m of mentions) {
      if (m.candidates.length === 1) {
        resolved.push(m.candidates[0]!);
        continue;
      }
      const named = m.candidates.filter((d) => parentsOf(d).some((p) => context.includes(p.name)));
      if (named.length === 1) resolved.push(named[0]!);
      else notes.push(`${source.label}中的"${m.name}"有${m.candidates.length}处同名（${m.candidates.map((d) => d.fullName).join('、')}），无法确定`);
    }
    if (resolved.length === 0) continue;
    const deepest = [...resolved].sort((a, b) => b.code.length - a.code.length)[0]!;
    const chain = new Set([deepest.code, ...parentsOf(deepest).map((p) => p.code)]);
    const conflicting = resolved.filter((d) => !chain.has(d.code));
    if (conflicting.length > 0) {
      const counts = new Map<string, number>();
      for (const d of resolved) counts.set(d.fullName, (counts.get(d.fullName) ?? 0) + 1);
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      if (ranked.length > 1 && ranked[0]![1] > ranked[1]![1] && source.label === '正文') {
        const best = resolved.find((d) => d.fullName === ranked[0]![0])!;
        return { region: best.fullName, how: `${source.label}中"${best.name}"出现最多（${ranked[0]![1]}次）→ ${best.fullName}` };
      }
      notes.push(`${source.label}中有多个行政区划（${[...counts.keys()].join('、')}），不据此确定`);
      continue;
    }
    const names = [...new Set(resolved.map((d) => d.name))].join('、');
    return { region: deepest.fullName, how: `${source.label}"${source.text.slice(0, 40)}"中的"${names}" → ${deepest.fullName}` };
  }
  return { how: notes.length > 0 ? notes.join('；') : '正文未提到可确定的行政区划' };
}
