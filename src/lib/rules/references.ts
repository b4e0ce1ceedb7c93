/**
 * References to articles, inside a rule and between documents. Inside a rule:
 * 本规则第五条, 本办法第十二条第二款, 第三条第一项, 依照前款, 前两款, 前条 —
 * each resolved to an anchor of the same document (see anchors.ts) or
 * reported as a problem. Between documents: 《青禾区…议事规则》第八条 — the
 * title and the pinpoint; the caller resolves the title to a document and
 * {@link resolvePinpoint} gives the anchor in it.
 */
import { formatChineseNumber, parseChineseNumber } from '../chinese-numerals.ts';

const NUM = '[零〇一二三四五六七八九十百千两\\d０-９]+';

/** One unit of a citation, in the order 条 → 款 → 项 → 目. */
type Unit =
  | { kind: 'article'; number: number; sub: number }
  | { kind: 'paragraph'; number: number }
  | { kind: 'item'; number: number }
  | { kind: 'subitem'; number: number }
  | { kind: 'previous'; level: 'article' | 'paragraph' | 'item'; count: number }
  | { kind: 'this'; level: 'article' | 'paragraph' | 'item' };

const UNIT = new RegExp(
  [
    `第(${NUM})条(?:之(${NUM}))?`,
    `前([两二三四五六七八九十]?)([条款项])`,
    `本([条款项])(?![^第，。；、\\s])`,
    `第(${NUM})款`,
    `第(?:(${NUM})|[（(](${NUM})[）)])项`,
    `第(${NUM})目`,
  ].join('|'),
  'g',
);

const LEVEL = { 条: 'article', 款: 'paragraph', 项: 'item' } as const;

function unitOf(m: RegExpExecArray): Unit | undefined {
  const n = (s: string | undefined) => (s === undefined ? undefined : parseChineseNumber(s));
  if (m[1] !== undefined) {
    const number = n(m[1]);
    const sub = m[2] !== undefined ? n(m[2]) : 0;
    return number === undefined || sub === undefined ? undefined : { kind: 'article', number, sub };
  }
  if (m[4] !== undefined) {
    const count = m[3] ? (m[3] === '两' ? 2 : parseChineseNumber(m[3]) ?? 1) : 1;
    return { kind: 'previous', level: LEVEL[m[4] as keyof typeof LEVEL], count };
  }
  if (m[5] !== undefined) return { kind: 'this', level: LEVEL[m[5] as keyof typeof LEVEL] };
  if (m[6] !== undefined) {
    const number = n(m[6]);
    return number === undefined ? undefined : { kind: 'paragraph', number };
  }
  if (m[7] !== undefined || m[8] !== undefined) {
    const number = n(m[7] ?? m[8]);
    return number === undefined ? undefined : { kind: 'item', number };
  }
  const number = n(m[9]);
  return number === undefined ? undefined : { kind: 'subitem', number };
}

const RANK: Record<Unit['kind'], number> = { article: 0, previous: 0, this: 0, paragraph: 1, item: 2, subitem: 3 };

function rankOf(unit: Unit): number {
  if (unit.kind === 'previous' || unit.kind === 'this') return { article: 0, paragraph: 1, item: 2 }[unit.level];
  return RANK[unit.kind];
}

/** A run of units written together: 第八条第二款第一项. */
interface Chain {
  start: number;
  end: number;
  units: Unit[];
}

/** Units that follow one another directly, each finer than the one before, form a chain. */
function chains(text: string): Chain[] {
  const out: Chain[] = [];
  UNIT.lastIndex = 0;
  for (let m = UNIT.exec(text); m; m = UNIT.exec(text)) {
    const unit = unitOf(m);
    if (!unit) continue;
    const last = out.at(-1);
    const end = m.index + m[0].length;
    if (last && last.end === m.index && rankOf(unit) > rankOf(last.units.at(-1)!) && unit.kind !== 'previous' && unit.kind !== 'this') {
      last.units.push(unit);
      last.end = end;
    } else {
      out.push({ start: m.index, end, units: [unit] });
    }
  }
  return out;
}

/** A place in a document to cite: 第八条, 第八条第二款, 第八条第二款第一项, 第八条第二款第一项第3目. */
export interface Pinpoint {
  article: { number: number; sub: number };
  paragraph?: number;
  item?: number;
  subitem?: number;
}

/** Reads a pinpoint written in Chinese: 第八条, 第八条第二款, 第十二条之一, 第三条第（一）项. */
export function parsePinpoint(text: string): Pinpoint | undefined {
  const found = chains(text.trim());
  const chain = found[0];
  if (found.length !== 1 || !chain || chain.start !== 0 || chain.end !== text.trim().length) return undefined;
  return pinpointOf(chain.units);
}

function pinpointOf(units: readonly Unit[]): Pinpoint | undefined {
  const [first, ...rest] = units;
  if (first?.kind !== 'article') return undefined;
  const pin: Pinpoint = { article: { number: first.number, sub: first.sub } };
  for (const unit of rest) {
    if (unit.kind === 'paragraph') pin.paragraph = unit.number;
    else if (unit.kind === 'item') pin.item = unit.number;
    else if (unit.kind === 'subitem') pin.subitem = unit.number;
  }
  return pin;
}

/** The anchors of a rule, as much of its structure as resolving a citation needs. */
export interface RuleAnchors {
  articles: ReadonlyArray<{
    number: number;
    sub: number;
    id: string;
    label: string;
    paragraphs: ReadonlyArray<{
      index: number;
      id: string;
      items: ReadonlyArray<{ number: number; id: string; subitems: ReadonlyArray<{ number: number; id: string }> }>;
    }>;
  }>;
}

/** Why a reference has no target, for the staff member reading `npm run check`. */
export interface ReferenceProblem {
  ruleId: 'rule/unresolved-reference' | 'rule/paragraph-reference' | 'rule/ambiguous-reference';
  message: string;
}

/** Where a pinpoint leads: an anchor and the citation it stands for, or why it leads nowhere. */
export type PinpointTarget = { id: string; label: string } | { problem: ReferenceProblem };

function articleLabel(number: number, sub: number): string {
  return `第${formatChineseNumber(number)}条${sub ? `之${formatChineseNumber(sub)}` : ''}`;
}

/** The anchor of a pinpoint in a document: given 第八条第二款 → 第八条第二款, or a problem when there is no such place. */
export function resolvePinpoint(anchors: RuleAnchors, pin: Pinpoint): PinpointTarget {
  const article = anchors.articles.find((a) => a.number === pin.article.number && a.sub === pin.article.sub);
  const wanted = articleLabel(pin.article.number, pin.article.sub);
  if (!article) {
    return { problem: { ruleId: 'rule/unresolved-reference', message: `there is no ${wanted} in the document` } };
  }
  let label = article.label;
  let id = article.id;
  let paragraph = pin.paragraph === undefined ? undefined : article.paragraphs[pin.paragraph - 1];
  if (pin.paragraph !== undefined) {
    if (!paragraph) {
      return {
        problem: {
          ruleId: 'rule/paragraph-reference',
          message: `${article.label} has ${article.paragraphs.length} 款, so 第${formatChineseNumber(pin.paragraph)}款 does not exist`,
        },
      };
    }
    label += `第${formatChineseNumber(pin.paragraph)}款`;
    id = paragraph.id;
  }
  if (pin.item !== undefined) {
    if (!paragraph) {
      // 第三条第一项: the article's items, when only one 款 has any.
      const withItems = article.paragraphs.filter((p) => p.items.length > 0);
      if (withItems.length !== 1) {
        return {
          problem: {
            ruleId: withItems.length === 0 ? 'rule/unresolved-reference' : 'rule/ambiguous-reference',
            message: withItems.length === 0
              ? `${article.label} has no 项`
              : `${article.label} has 项 in ${withItems.length} 款; say which 款 (e.g. ${article.label}第${formatChineseNumber(withItems[0]!.index)}款第${formatChineseNumber(pin.item)}项)`,
          },
        };
      }
      paragraph = withItems[0]!;
    }
    const item = paragraph.items.find((i) => i.number === pin.item);
    if (!item) {
      return {
        problem: { ruleId: 'rule/unresolved-reference', message: `${label} has no 第${formatChineseNumber(pin.item)}项 (it has ${paragraph.items.length})` },
      };
    }
    label += `第${formatChineseNumber(pin.item)}项`;
    id = item.id;
    if (pin.subitem !== undefined) {
      const sub = item.subitems.find((s) => s.number === pin.subitem);
      if (!sub) {
        return { problem: { ruleId: 'rule/unresolved-reference', message: `${label} has no 第${pin.subitem}目` } };
      }
      label += `第${pin.subitem}目`;
      id = sub.id;
    }
  }
  return { id, label };
}

/** Where in a rule a piece of text stands: the article (index in the document's list), its 款 and 项. */
export interface TextPlace {
  /** Index into {@link RuleAnchors.articles}; undefined outside articles. */
  article?: number;
  /** 1-based 款. */
  paragraph?: number;
  /** Number of the 项 the text is in. */
  item?: number;
  /**
   * The place the lead-in of this 项 names (违反本条例第十七条规定……：): a bare
   * 第五项 in the 项 is read as that article's first, then as the current 款's.
   */
  context?: Pinpoint;
}

/** A reference found in text: its span, and its target or why there is none. */
export interface FoundReference {
  start: number;
  end: number;
  /** The reference as written, e.g. 本规则第五条 or 前两款. */
  text: string;
  /** The anchor it leads to; for a range (前两款) the first of them. */
  id?: string;
  /** The citation it stands for, e.g. 第八条第一款 or 第八条第一款至第二款. */
  label?: string;
  problem?: ReferenceProblem;
}

/** Words naming the document itself: 本规则, 本办法, 本条例 … */
const SELF = /本(?:实施细则|实施办法|规则|办法|条例|细则|规定|决定|法|准则|章程|解释|规程|决议|意见|通知)$/;
/** The end of another document's name right before a bare 第X条: 》, 刑法, 立法法, 民法典, 某某条例 … */
const OTHER = /(?:》|[^本](?:法|条例|规定|办法|规则|细则|决定|解释|章程|典|纲要|准则|决议|通知|意见))$/;
/** What may stand between two references of one list: 第三条、第五条; 第一款至第三款; 前款规定的第（一）项. */
const LIST_JOIN = /^(?:、|，|,|和|与|或者|或|及|以及|至|到|、以及|规定的|所列|所列的|中的)$/;

/**
 * Finds the references to the document itself in `text` and resolves them
 * against `anchors`, for text standing at `place`. References to other
 * documents (刑法第三条, 《…》第八条) are left out.
 */
export function findReferences(text: string, place: TextPlace, anchors: RuleAnchors): FoundReference[] {
  const out: FoundReference[] = [];
  let previous: { chain: Chain; external: boolean; pin?: Pinpoint } | undefined;
  // The last place named in this sentence: 违反本办法第三十五条第一款规定……；违反第二款规定 means 第三十五条第二款.
  let named: { end: number; pin: Pinpoint } | undefined;
  for (const chain of chains(text)) {
    const before = text.slice(0, chain.start);
    const joined = previous !== undefined && LIST_JOIN.test(text.slice(previous.chain.end, chain.start));
    const self = SELF.exec(before);
    const first = chain.units[0]!;
    let external = false;
    if (self) external = false;
    else if (joined) external = previous!.external;
    else if (first.kind === 'article' && OTHER.test(before)) external = true;
    const start = self ? chain.start - self[0].length : chain.start;
    if (external) {
      previous = { chain, external };
      continue;
    }
    const bare = first.kind === 'paragraph' || first.kind === 'item' || first.kind === 'subitem';
    const sameSentence = named !== undefined && !/[。]/.test(text.slice(named.end, chain.start));
    // In the 项 of a 款 that names another article (违反本条例第十七条规定……：（一）违反第五项规定的), a bare 项 is that article's.
    const inherited = joined ? previous?.pin : bare && sameSentence ? named!.pin : bare ? place.context : undefined;
    let resolved = resolveChain(chain.units, place, anchors, inherited);
    if (inherited && inherited === place.context && resolved.target && 'problem' in resolved.target) {
      const own = resolveChain(chain.units, place, anchors, undefined);
      if (own.target && 'id' in own.target) resolved = own;
    }
    previous = { chain, external, ...(resolved.pin ? { pin: resolved.pin } : {}) };
    if (resolved.pin && resolved.target && 'id' in resolved.target) named = { end: chain.end, pin: resolved.pin };
    if (resolved.skip) continue;
    out.push({
      start,
      end: chain.end,
      text: text.slice(start, chain.end),
      ...(resolved.target && 'id' in resolved.target ? { id: resolved.target.id, label: resolved.target.label } : {}),
      ...(resolved.target && 'problem' in resolved.target ? { problem: resolved.target.problem } : {}),
    });
  }
  return out;
}

interface Resolved {
  pin?: Pinpoint;
  target?: PinpointTarget;
  /** True for 本条, 本款 alone: they point at the text itself. */
  skip?: boolean;
}

function problem(ruleId: ReferenceProblem['ruleId'], message: string): Resolved {
  return { target: { problem: { ruleId, message } } };
}

function resolveChain(units: readonly Unit[], place: TextPlace, anchors: RuleAnchors, inherited: Pinpoint | undefined): Resolved {
  const [first, ...rest] = units;
  const here = place.article === undefined ? undefined : anchors.articles[place.article];
  let pin: Pinpoint;
  let rangeEnd: { pin: Pinpoint } | undefined;
  switch (first!.kind) {
    case 'article':
      pin = { article: { number: first!.number, sub: first!.sub } };
      break;
    case 'paragraph': {
      const base = inherited?.article ?? (here && { number: here.number, sub: here.sub });
      if (!base) return problem('rule/unresolved-reference', 'it stands outside any article, so it is unclear which article it means');
      pin = { article: base, paragraph: first!.number };
      break;
    }
    case 'item':
    case 'subitem': {
      const base = inherited ?? (here && { article: { number: here.number, sub: here.sub }, ...(place.paragraph ? { paragraph: place.paragraph } : {}) });
      if (!base) return problem('rule/unresolved-reference', 'it stands outside any article, so it is unclear which article it means');
      pin = first!.kind === 'item'
        ? { article: base.article, ...(base.paragraph !== undefined ? { paragraph: base.paragraph } : {}), item: first!.number }
        : { ...base, subitem: first!.number };
      break;
    }
    case 'this': {
      if (!here) return problem('rule/unresolved-reference', 'it stands outside any article');
      if (rest.length === 0) return { skip: true };
      pin = { article: { number: here.number, sub: here.sub } };
      if (first!.level !== 'article' && place.paragraph) pin.paragraph = place.paragraph;
      if (first!.level === 'item' && place.item) pin.item = place.item;
      break;
    }
    case 'previous': {
      if (!here || place.article === undefined) return problem('rule/unresolved-reference', 'it stands outside any article, so there is nothing before it to refer to');
      if (first!.level === 'article') {
        const from = anchors.articles[place.article - first!.count];
        const to = anchors.articles[place.article - 1];
        if (!from || !to) return problem('rule/ambiguous-reference', `${here.label} does not have ${first!.count} article${first!.count > 1 ? 's' : ''} before it`);
        pin = { article: { number: from.number, sub: from.sub } };
        if (first!.count > 1) rangeEnd = { pin: { article: { number: to.number, sub: to.sub } } };
      } else if (first!.level === 'paragraph') {
        const current = place.paragraph ?? 1;
        if (current - first!.count < 1) {
          return problem(
            'rule/ambiguous-reference',
            current === 1
              ? `it stands in the first 款 of ${here.label}: there is no 款 before it to refer to`
              : `it stands in 第${formatChineseNumber(current)}款 of ${here.label}, which has only ${current - 1} 款 before it`,
          );
        }
        pin = { article: { number: here.number, sub: here.sub }, paragraph: current - first!.count };
        if (first!.count > 1) rangeEnd = { pin: { ...pin, paragraph: current - 1 } };
      } else {
        if (!place.item || place.item - first!.count < 1) return problem('rule/ambiguous-reference', `there is no 项 before it in ${here.label}`);
        pin = { article: { number: here.number, sub: here.sub }, ...(place.paragraph ? { paragraph: place.paragraph } : {}), item: place.item - first!.count };
      }
      break;
    }
  }
  for (const unit of rest) {
    if (unit.kind === 'paragraph') pin.paragraph = unit.number;
    else if (unit.kind === 'item') pin.item = unit.number;
    else if (unit.kind === 'subitem') pin.subitem = unit.number;
  }
  const target = resolvePinpoint(anchors, pin);
  if (rangeEnd && 'id' in target) {
    const end = resolvePinpoint(anchors, rangeEnd.pin);
    if ('id' in end) return { pin, target: { id: target.id, label: `${target.label}至${end.label}` } };
  }
  return { pin, target };
}


/**
 * The pinpoint at the start of `after` (the text right after a cited title's
 * 》), spaces before it allowed: `第八条第二款的规定` → 第八条第二款, length 6.
 */
export function pinpointAt(after: string): { pinpoint: Pinpoint; text: string; length: number } | undefined {
  const lead = /^[\s\u3000]*/.exec(after)![0].length;
  const chain = chains(after.slice(lead, lead + 60))[0];
  if (!chain || chain.start !== 0) return undefined;
  const pinpoint = pinpointOf(chain.units);
  return pinpoint && { pinpoint, text: after.slice(lead, lead + chain.end), length: lead + chain.end };
}

/**
 * The anchor a pinpoint has in the anchor scheme, without looking at the
 * document: 第八条 → 第八条, 第八条第二款 → 第八条第二款, 第八条第二款第一项 →
 * 第八条第二款第一项. A 项 without its 款 cannot be placed, so it gives the
 * article. Use {@link resolvePinpoint} when the document's anchors are known.
 */
export function schemeAnchor(pin: Pinpoint): string {
  let id = articleLabel(pin.article.number, pin.article.sub);
  if (pin.paragraph === undefined) return id;
  id += `第${formatChineseNumber(pin.paragraph)}款`;
  if (pin.item === undefined) return id;
  id += `第${formatChineseNumber(pin.item)}项`;
  return pin.subitem === undefined ? id : `${id}第${pin.subitem}目`;
}

/** Given a document's anchors and a pinpoint as written (第八条, 第八条第二款), the anchor in it; undefined when it has no such place. */
export function anchorFor(anchors: RuleAnchors, pinpoint: string): string | undefined {
  const pin = parsePinpoint(pinpoint);
  if (!pin) return undefined;
  const target = resolvePinpoint(anchors, pin);
  return 'id' in target ? target.id : undefined;
}
