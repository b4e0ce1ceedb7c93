/**
 * Finds the titles a text cites in 《》, with what identifies them: an issuer
 * written before the title (区委《意见》, 中共中央办公厅、国务院办公厅印发的《…》)
 * or inside it (《中共北京市海淀区委关于…的意见》), an article pinpoint after it
 * (《…》第八条第二款), and what kind of title it is (document, periodical,
 * book). Titles may be broken across lines or spaced out; Traditional
 * characters compare as Simplified. Works on one block of text (a paragraph
 * or heading), so the remark plugin and the graph read titles the same way.
 */
import { bodyAt, bodyEndingAt, type BodyRef } from '../entities/bodies.ts';
import { classifyCitation, isShortForm, type CitedKind } from './classify.ts';
import { displayTitle, titleKey } from './normalise.ts';
import { parsePinpoint, type Pinpoint } from './pinpoint.ts';

/** One 《…》 in a text. */
export interface CitationMatch {
  /** Offset of the first character: the issuer prefix if there is one, else 《. */
  start: number;
  /** Offset of 《. */
  open: number;
  /** Offset right after 》 and the pinpoint: the end of what is linked. */
  end: number;
  /** The text from 《 to the end of the pinpoint, as written. */
  linked: string;
  /** The title as written, spaces removed, in Simplified characters: 关于新时代加强和改进人大工作的意见. */
  title: string;
  /** Comparison key of the title (see titleKey). */
  key: string;
  /** Issuers written before 《 (区委《意见》 → 区委); several when joint. */
  issuers: BodyRef[];
  /** The issuer the title itself begins with (中共北京市海淀区委关于… → 中共北京市海淀区委). */
  embeddedIssuer?: BodyRef;
  /** Key of the title without its embedded issuer (关于新时代加强和改进人大工作的意见). */
  coreKey: string;
  /** Article pinpoint after the title. */
  pinpoint?: Pinpoint;
  /** What the title names. */
  kind: CitedKind;
  /** True for a bare kind of document (《意见》, 《实施意见》, 《决定》) that only context can resolve. */
  shortForm: boolean;
  /** True when the title names its own issuing authority (中华人民共和国…, 中国共产党…, a place): the same everywhere. */
  selfIdentifying: boolean;
}

const MAX_TITLE = 120;
const VERBS = ['审议通过', '印发', '制定', '出台', '发布', '颁布', '下发', '作出', '做出', '通过', '修订', '转发', '起草'];
const NATIONAL_TITLE = /^(?:中华人民共和国|中国共产党|中共中央|中共|全国人民代表大会|全国人大|国务院|最高人民法院|最高人民检察院|党中央|中央)/u;
/** Only the national legislature makes a 法: 《立法法》 is one text wherever it is cited (办法 and 做法 are not laws). */
const NATIONAL_LAW = /(?:[^办做方说看想写用]法|法典)(?:[（(][^）)]*[）)])?$/u;

/** The offset of the 》 closing the 《 at `open`, honouring nesting; -1 when there is none nearby. */
function closingMark(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i - open <= MAX_TITLE; i++) {
    const c = text[i];
    if (c === '《') depth++;
    else if (c === '》') {
      depth--;
      if (depth === 0) return i;
    } else if (c === '。' || (c === '\n' && text[i + 1] === '\n')) return -1;
  }
  return -1;
}

/** The issuers written right before `open`: 区委, 区委的, 省委出台的, 中共中央办公厅、国务院办公厅印发的. */
function issuersBefore(text: string, open: number, region?: string): { start: number; issuers: BodyRef[] } {
  let end = open;
  if (text[end - 1] === '的') end--;
  if (text[end - 1] === '了') end--;
  const verb = VERBS.find((v) => text.slice(0, end).endsWith(v));
  if (verb) end -= verb.length;
  const issuers: BodyRef[] = [];
  let start = open;
  for (;;) {
    const found = bodyEndingAt(text, end, region);
    if (!found) break;
    issuers.unshift(found.body);
    start = found.start;
    if (!/[、和与及]/.test(text[start - 1] ?? '')) break;
    end = start - 1;
  }
  return issuers.length > 0 ? { start, issuers } : { start: open, issuers };
}

/** The issuer a title begins with, when the rest is the title proper: 海淀区人民代表大会|关于议案的规定. */
export function embeddedIssuer(title: string, region?: string): { issuer: BodyRef; rest: string } | undefined {
  const found = bodyAt(title, 0, region);
  if (!found || found.end >= title.length - 1) return undefined;
  return { issuer: found.body, rest: title.slice(found.end) };
}

/**
 * The name of a national law without 中华人民共和国 (《执业医师法》 and
 * 《中华人民共和国执业医师法》 are one law), or undefined for anything else.
 */
export function nationalLawName(key: string): string | undefined {
  return NATIONAL_LAW.test(key) ? key.replace(/^中华人民共和国/u, '') : undefined;
}

/** Every 《…》 in `text`, left to right; `region` scopes relative issuers (区委 in a Haidian document). */
export function extractCitations(text: string, region?: string): CitationMatch[] {
  const found: CitationMatch[] = [];
  for (let open = text.indexOf('《'); open !== -1; open = text.indexOf('《', open + 1)) {
    const close = closingMark(text, open);
    if (close === -1) continue;
    const written = text.slice(open + 1, close);
    const title = displayTitle(written);
    if (title === '') continue;
    const key = titleKey(written);
    const before = text.slice(Math.max(0, open - 8), open);
    const after = text.slice(close + 1, close + 13);
    const kind = classifyCitation(title, before, after);
    const pinpoint = kind === 'document' || kind === 'unknown' ? parsePinpoint(text.slice(close + 1)) : undefined;
    const { start, issuers } = issuersBefore(text, open, region);
    const embedded = embeddedIssuer(title, region);
    const end = close + 1 + (pinpoint?.length ?? 0);
    found.push({
      start,
      open,
      end,
      linked: text.slice(open, end),
      title,
      key,
      issuers,
      ...(embedded ? { embeddedIssuer: embedded.issuer } : {}),
      coreKey: embedded ? titleKey(embedded.rest) : key,
      ...(pinpoint ? { pinpoint } : {}),
      kind: kind === 'unknown' && isShortForm(title) ? 'document' : kind,
      shortForm: isShortForm(title),
      selfIdentifying: NATIONAL_TITLE.test(title) || NATIONAL_LAW.test(title) || embedded?.issuer.scope !== undefined,
    });
    // Titles nested inside this one (《关于贯彻〈…〉的意见》 written with 《》) belong to it.
    open = close;
  }
  return found;
}
