/**
 * Names of bodies (机构) as policy texts write them, scoped to the division
 * they belong to: 区委 in a document of 北京市海淀区 is 海淀区委; 中共北京市
 * 海淀区委 and 海淀区委员会 are the same committee; 党中央 is 中共中央. Used for
 * citation issuers (区委《意见》), people's roles (区委书记) and body pages.
 * A relative name whose division the document does not settle (区委 in a
 * speech without a region) stays unscoped and gets no page.
 */
import { divisionNameStartingAt, resolvePlace, scopeOfLevel, shortRegionName, type RelativeLevel } from '../regions.ts';

/** A body named in a text. */
export interface BodyRef {
  /** As written, e.g. 区人大常委会. */
  written: string;
  /** Canonical kind: 委 (party committee), 人大常委会, 人大, 政府, 政协, … or a national body's name. */
  core: string;
  /** `national`, the full region (北京市海淀区), or undefined when the text does not settle it. */
  scope?: string;
  /** The level a relative name refers to (区委 → 区), when written without a place. */
  level?: RelativeLevel;
}

/** National bodies, as written → canonical name. */
const NATIONAL: ReadonlyArray<[string, string]> = [
  ['中共中央办公厅', '中共中央办公厅'],
  ['中央办公厅', '中共中央办公厅'],
  ['国务院办公厅', '国务院办公厅'],
  ['中共中央', '中共中央'],
  ['党中央', '中共中央'],
  ['国务院', '国务院'],
  ['全国人民代表大会常务委员会', '全国人大常委会'],
  ['全国人大常委会', '全国人大常委会'],
  ['全国人民代表大会', '全国人大'],
  ['全国人大', '全国人大'],
  ['全国政协', '全国政协'],
  ['最高人民法院', '最高人民法院'],
  ['最高人民检察院', '最高人民检察院'],
];

/** Body kinds after a place or level, as written → canonical; longest first. */
const CORES: ReadonlyArray<[string, string]> = [
  ['人民代表大会常务委员会', '人大常委会'],
  ['人大常委会', '人大常委会'],
  ['人民代表大会', '人大'],
  ['人民政府', '政府'],
  ['人民法院', '法院'],
  ['人民检察院', '检察院'],
  ['委员会', '委'],
  ['人大', '人大'],
  ['政府', '政府'],
  ['政协', '政协'],
  ['纪委', '纪委'],
  ['监委', '监委'],
  ['法院', '法院'],
  ['检察院', '检察院'],
  ['委', '委'],
];

const OFFICE = /^(?:办公室|办公厅)/;

/** Characters before 区/市/省/县 that make a word, not a body: 地区人大, 全市, 城市政府. */
const NOT_LEVEL_AFTER: Record<RelativeLevel, string> = {
  区: '地城社辖园景街校片小新该各本我郊全山矿分',
  市: '城全各本我都超上股级辖',
  省: '全各本我外反节',
  县: '全各本我郡',
  州: '全各本我',
};

/** Words that follow a body name and turn it into something else: 区人大代表 is a deputy, 区委员 a member. */
const NOT_BODY_BEFORE = /^(?:员(?!会)|委员(?!会))/;

function endsBody(text: string, end: number, core: string): boolean {
  if (NOT_BODY_BEFORE.test(text.slice(end, end + 3))) return false;
  return !(core === '人大' && text.startsWith('代表', end));
}

/** First characters a body name can start with, other than a division name's: a cheap test run at every character. */
const FIRST = new Set(['中', '党', '国', '全', '最', '区', '市', '省', '县', '州']);

function coreAt(text: string, i: number): { written: string; core: string } | undefined {
  for (const [written, core] of CORES) {
    if (text.startsWith(written, i)) {
      const office = OFFICE.exec(text.slice(i + written.length));
      return office ? { written: written + office[0], core: core + office[0] } : { written, core };
    }
  }
  return undefined;
}

function placeChainAt(text: string, i: number): string[] {
  // Division names run from the larger to the smaller: 北京市海淀区.
  const names: string[] = [];
  let at = i;
  for (let name = divisionNameStartingAt(text, at); name; name = divisionNameStartingAt(text, at)) {
    names.push(name);
    at += name.length;
  }
  return names;
}

/**
 * The body whose name starts at `i`, with where it ends; `region` is the
 * document's region, which scopes relative names (区委).
 */
export function bodyAt(text: string, i: number, region?: string): { end: number; body: BodyRef } | undefined {
  if (!FIRST.has(text[i]!) && !divisionNameStartingAt(text, i)) return undefined;
  for (const [written, core] of NATIONAL) {
    if (text.startsWith(written, i)) {
      const office = core.endsWith('办公厅') ? null : OFFICE.exec(text.slice(i + written.length));
      const w = office ? written + office[0] : written;
      return { end: i + w.length, body: { written: w, core: office ? core + office[0] : core, scope: 'national' } };
    }
  }
  let start = i;
  if (text.startsWith('中共', i)) start += 2;
  const places = placeChainAt(text, start);
  if (places.length > 0) {
    const at = start + places.join('').length;
    const core = coreAt(text, at);
    if (!core || !endsBody(text, at + core.written.length, core.core)) return undefined;
    const scope = resolvePlace(places, region);
    if (!scope) return undefined;
    const end = at + core.written.length;
    return { end, body: { written: text.slice(i, end), core: core.core, scope } };
  }
  if (start !== i) return undefined;
  const level = text[i] as RelativeLevel;
  if (!(level in NOT_LEVEL_AFTER)) return undefined;
  if (i > 0 && NOT_LEVEL_AFTER[level].includes(text[i - 1]!)) return undefined;
  const core = coreAt(text, i + 1);
  if (!core || core.written.startsWith('委员会')) return undefined;
  const end = i + 1 + core.written.length;
  if (!endsBody(text, end, core.core)) return undefined;
  const scope = scopeOfLevel(level, region)?.fullName;
  return { end, body: { written: text.slice(i, end), core: core.core, scope, level } };
}

/**
 * The body whose name ends exactly at `end`, e.g. 区委 in 区委《意见》, taking
 * the longest such name (中共北京市海淀区委, not 海淀区委).
 */
export function bodyEndingAt(text: string, end: number, region?: string): { start: number; body: BodyRef } | undefined {
  for (let start = Math.max(0, end - 30); start <= end - 2; start++) {
    const found = bodyAt(text, start, region);
    if (found && found.end === end) return { start, body: found.body };
  }
  return undefined;
}

/** Every body named in `text`, left to right, longest at each place. */
export function findBodies(text: string, region?: string): Array<{ start: number; end: number; body: BodyRef }> {
  const found: Array<{ start: number; end: number; body: BodyRef }> = [];
  for (let i = 0; i < text.length; i++) {
    if (!isChinese(text[i])) continue;
    const match = bodyAt(text, i, region);
    if (!match) continue;
    found.push({ start: i, end: match.end, body: match.body });
    i = match.end - 1;
  }
  return found;
}

/** Stable identity of a scoped body: 北京市海淀区/委; undefined for an unscoped one. */
export function bodyKey(body: BodyRef): string | undefined {
  if (!body.scope) return undefined;
  return body.scope === 'national' ? body.core : `${body.scope}/${body.core}`;
}

/** Readable name of a scoped body: 海淀区委, 海淀区人大常委会, 北京市委, 中共中央. */
export function bodyName(body: BodyRef): string {
  if (body.scope === 'national' || !body.scope) return body.scope ? body.core : body.written;
  return `${shortRegionName(body.scope)}${body.core}`;
}

/** True when two issuers can be the same body: same kind and, where both are scoped, the same division. */
export function sameBody(a: BodyRef, b: BodyRef): boolean {
  if (a.core !== b.core) return false;
  if (a.scope && b.scope) return a.scope === b.scope;
  return false;
}

/** Parses a whole issuer field (海淀区人大常委会, 中共北京市海淀区委员会) as one body, if it is one. */
export function parseIssuer(issuer: string, region?: string): BodyRef | undefined {
  const text = issuer.replace(/[\s\u3000]+/g, '');
  const found = bodyAt(text, 0, region);
  return found && found.end === text.length ? found.body : undefined;
}

/** True when `c` is a Han character. */
export function isChinese(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code >= 0x4e00 && code <= 0x9fff;
}
