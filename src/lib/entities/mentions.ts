/**
 * All entity mentions in one block of text — people, bodies, meetings — as
 * non-overlapping spans, so the graph (which counts them) and the remark
 * plugin (which links them) see exactly the same mentions. Text inside 《》
 * is a title, not a mention.
 */
import { bodyKey, bodyName, findBodies, type BodyRef } from './bodies.ts';
import { findMeetings } from './meetings.ts';
import { findNameMentions, findRoleMentions } from './people.ts';
import { shortRegionName } from '../regions.ts';

/** What an entity is. */
export type EntityKind = 'person' | 'body' | 'meeting';

/** One mention of an entity in a text. */
export interface Mention {
  start: number;
  end: number;
  kind: EntityKind;
  /** Stable identity, e.g. `person:北京市海淀区/于军`, `body:北京市海淀区/委`, `meeting:national/中央人大工作会议`. */
  key: string;
  /** Readable name: 于军, 海淀区委, 中央人大工作会议. */
  name: string;
  /** `national`, a full region, or undefined. */
  scope?: string;
  /** For a person introduced with a role here: the role as written (区委书记). */
  role?: string;
}

/** What the finder needs to know about the document beyond the text. */
export interface MentionContext {
  /** The document's region (北京市海淀区): scopes 区委, 区长, 市委…. */
  region?: string;
  /** People known for this document, found by bare name (于军指出). */
  people?: ReadonlyArray<{ name: string; key: string; scope?: string }>;
  /** The document's own meeting, as written in it and as an entity. */
  ownMeeting?: { written: string; key: string; name: string; scope: string };
  /** Look for people introduced with a role. Default true; false for rules, which name roles, never people. */
  roles?: boolean;
}

/** Key of a person: scope and name. */
export function personKey(name: string, scope: string): string {
  return `person:${scope}/${name}`;
}

/** Display of a scope for pages: 全国, or the short region name (海淀区). */
export function scopeLabel(scope: string | undefined): string {
  if (!scope) return '地区不详';
  return scope === 'national' ? '全国' : shortRegionName(scope);
}

function titleRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/《[^《》]*(?:《[^《》]*》[^《》]*)*》/gu)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function bodyMention(start: number, end: number, body: BodyRef): Mention | undefined {
  const key = bodyKey(body);
  if (!key) return undefined;
  return { start, end, kind: 'body', key: `body:${key}`, name: bodyName(body), scope: body.scope! };
}

/** Every mention in `text`, left to right, none overlapping (the longer one wins where two start together). */
export function findMentions(text: string, context: MentionContext = {}): Mention[] {
  const { region } = context;
  const candidates: Mention[] = [];
  for (const m of findMeetings(text, region)) {
    candidates.push({ start: m.start, end: m.end, kind: 'meeting', key: `meeting:${m.key}`, name: m.name, scope: m.scope });
  }
  if (context.ownMeeting) {
    const own = context.ownMeeting;
    for (let at = text.indexOf(own.written); at !== -1; at = text.indexOf(own.written, at + 1)) {
      candidates.push({ start: at, end: at + own.written.length, kind: 'meeting', key: own.key, name: own.name, scope: own.scope });
    }
  }
  for (const r of context.roles === false ? [] : findRoleMentions(text, region)) {
    if (r.scope) {
      candidates.push({ start: r.nameStart, end: r.nameStart + r.name.length, kind: 'person', key: personKey(r.name, r.scope), name: r.name, scope: r.scope, role: r.role });
    }
    for (const b of r.bodies) {
      const mention = bodyMention(b.start, b.end, b.body);
      if (mention) candidates.push(mention);
    }
  }
  for (const b of findBodies(text, region)) {
    const mention = bodyMention(b.start, b.end, b.body);
    if (mention) candidates.push(mention);
  }
  const people = context.people ?? [];
  if (people.length > 0) {
    const byName = new Map(people.map((p) => [p.name, p]));
    for (const m of findNameMentions(text, [...byName.keys()])) {
      const person = byName.get(m.name)!;
      candidates.push({ start: m.start, end: m.end, kind: 'person', key: person.key, name: m.name, ...(person.scope ? { scope: person.scope } : {}) });
    }
  }
  const titles = titleRanges(text);
  const inTitle = (m: Mention) => titles.some(([s, e]) => m.start < e && m.end > s);
  // Role mentions come before bare ones at the same place, so they keep their role.
  const order = (m: Mention) => (m.role ? 0 : 1);
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || order(a) - order(b));
  const kept: Mention[] = [];
  let until = 0;
  for (const m of candidates) {
    if (m.start < until || inTitle(m)) continue;
    kept.push(m);
    until = m.end;
  }
  return kept;
}
