/**
 * Meetings a text names, when the name identifies one meeting: 中央人大工作会议
 * (also 党中央召开人大工作会议, 中央人大工作会), a committee's numbered one
 * (市委第五次人大工作会议, 区委召开第五次人大工作会议), party congresses and
 * plenums (党的十九大, 十九届四中全会), numbered sessions of a people's congress
 * (海淀区第十七届人大常委会第三次会议). An unnumbered local meeting
 * (市委人大工作会) could be any of several and gets no page — unless it is the
 * document's own `meeting`, which staff have set.
 */
import { bodyAt, bodyName, isChinese, type BodyRef } from './bodies.ts';
import { resolvePlace, scopeOfLevel, shortRegionName, divisionNameStartingAt, type RelativeLevel } from '../regions.ts';

/** A meeting named in a text. */
export interface MeetingMention {
  start: number;
  end: number;
  /** Stable identity, e.g. 北京市海淀区/委/第五次人大工作会议. */
  key: string;
  /** Readable name, e.g. 海淀区委第五次人大工作会议. */
  name: string;
  /** `national` or the full region the meeting belongs to. */
  scope: string;
}

const NUM = '[一二三四五六七八九十百零〇两]+';
const CENTRAL = new RegExp(`^(?:中共中央|党中央|中央)(?:首次)?(?:召开(?:的|了)?)?人大工作会(?:议)?`, 'u');
const COMMITTEE = new RegExp(`^(?:召开(?:的|了)?)?(第${NUM}次)人大工作会(?:议)?`, 'u');
const CONGRESS = new RegExp(`^党的(十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大`, 'u');
const PLENUM = new RegExp(`^(十[一二三四五六七八九]?|二十[一二三四五六七八九]?)届(?:中央委员会第)?([一二三四五六七八九])中全会`, 'u');
const LOCAL_CONGRESS = new RegExp(`^第(${NUM})次党代会`, 'u');
const SESSION = new RegExp(`^第(${NUM})届人大(常委会)?第?(${NUM})次会议`, 'u');

function national(start: number, length: number, name: string): MeetingMention {
  return { start, end: start + length, key: `national/${name}`, name, scope: 'national' };
}

/** First characters of the national forms (中央…, 党的…, 十九届…, 二十届…). */
const NATIONAL_FIRST = new Set(['中', '党', '十', '二']);

/** A meeting named at `i`, if one starts there. */
export function meetingAt(text: string, i: number, region?: string): MeetingMention | undefined {
  const first = text[i]!;
  if (!NATIONAL_FIRST.has(first) && !'省市区县'.includes(first) && !divisionNameStartingAt(text, i)) return undefined;
  const rest = text.slice(i, i + 40);
  const central = CENTRAL.exec(rest);
  if (central) return national(i, central[0].length, '中央人大工作会议');
  if (!isChinese(text[i - 1]) || /[的和及、与]/.test(text[i - 1]!)) {
    const congress = CONGRESS.exec(rest);
    if (congress) return national(i, congress[0].length, `党的${congress[1]}大`);
    const plenum = PLENUM.exec(rest);
    if (plenum) return national(i, plenum[0].length, `${plenum[1]}届${plenum[2]}中全会`);
  }
  const body = bodyAt(text, i, region);
  if (body?.body.scope && body.body.scope !== 'national' && body.body.core === '委') {
    const numbered = COMMITTEE.exec(text.slice(body.end, body.end + 20));
    if (numbered) {
      const scope = body.body.scope;
      const name = `${bodyName(body.body)}${numbered[1]}人大工作会议`;
      return { start: i, end: body.end + numbered[0].length, key: `${scope}/委/${numbered[1]}人大工作会议`, name, scope };
    }
  }
  const place = placeAt(text, i, region);
  if (place) {
    const after = text.slice(place.end, place.end + 24);
    const local = LOCAL_CONGRESS.exec(after);
    if (local) {
      const name = `${shortRegionName(place.scope)}第${local[1]}次党代会`;
      return { start: i, end: place.end + local[0].length, key: `${place.scope}/第${local[1]}次党代会`, name, scope: place.scope };
    }
    const session = SESSION.exec(after);
    if (session) {
      const what = `第${session[1]}届人大${session[2] ?? ''}第${session[3]}次会议`;
      return { start: i, end: place.end + session[0].length, key: `${place.scope}/${what}`, name: `${shortRegionName(place.scope)}${what}`, scope: place.scope };
    }
  }
  return undefined;
}

/** A place (海淀区) or a level (市) at `i`, scoped: for 市第十三次党代会 and 海淀区第十七届人大…. */
function placeAt(text: string, i: number, region?: string): { end: number; scope: string } | undefined {
  const name = divisionNameStartingAt(text, i);
  if (name) {
    const scope = resolvePlace([name], region);
    return scope ? { end: i + name.length, scope } : undefined;
  }
  const level = text[i] as RelativeLevel;
  if (!'省市区县'.includes(level) || (isChinese(text[i - 1]) && !/[的和及、与在]/.test(text[i - 1]!))) return undefined;
  const scope = scopeOfLevel(level, region)?.fullName;
  return scope ? { end: i + 1, scope } : undefined;
}

/**
 * The document's own meeting (front matter `meeting`) as an entity: a
 * numbered one is the same meeting as in any text; an unnumbered one
 * (昭化区委人大工作会议) is this document's meeting only, so its key carries the
 * document id.
 */
export function ownMeeting(meeting: string, region: string | undefined, documentId: string): MeetingMention | undefined {
  const text = meeting.replace(/[\s\u3000]+/g, '');
  const found = meetingAt(text, 0, region);
  if (found && found.end === text.length) return found;
  const body = bodyAt(text, 0, region);
  if (!body?.body.scope) return undefined;
  const what = text.slice(body.end);
  if (!/会议?$/.test(what) || what.length < 3) return undefined;
  const scope = body.body.scope;
  return { start: 0, end: text.length, key: `${scope}/${bodyRefKey(body.body)}/${what}@${documentId}`, name: `${bodyName(body.body)}${what}`, scope };
}

function bodyRefKey(body: BodyRef): string {
  return body.core;
}

/** Every meeting named in `text`, left to right. */
export function findMeetings(text: string, region?: string): MeetingMention[] {
  const found: MeetingMention[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isChinese(text[i])) continue;
    const m = meetingAt(text, i, region);
    if (m) {
      found.push(m);
      i = m.end - 1;
    }
  }
  return found;
}
