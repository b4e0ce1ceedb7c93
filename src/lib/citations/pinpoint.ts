/**
 * The article pinpoint right after a cited title: 《…》第八条, 第八条第二款,
 * 第十二条之一第三项. The grammar and the anchor scheme belong to the rules
 * work (lib/rules/references.ts, issue 5); this adapter gives the citation
 * code what it needs from them: the pinpoint as written, its length, the
 * article (the fallback anchor, `#第八条`) and the full anchor in the scheme
 * (`#第八条第二款`), which {@link pinpointAnchor} checks against the cited
 * rule's structure.
 */
import { pinpointAt, resolvePinpoint, schemeAnchor, type Pinpoint as RulePinpoint, type RuleAnchors } from '../rules/references.ts';

/** An article pinpoint after a title. */
export interface Pinpoint {
  /** The pinpoint as written, e.g. 第八条第二款. */
  text: string;
  /** Length in the source, spaces before it included. */
  length: number;
  /** The article's anchor, e.g. 第八条 (also 第十二条之一). */
  article: string;
  /** The anchor the scheme gives the whole pinpoint, e.g. 第八条第二款. */
  anchor: string;
  /** The parsed pinpoint, for resolving against a rule's anchors. */
  pin: RulePinpoint;
}

/** The pinpoint at the start of `after` (the text right after 》), if any. */
export function parsePinpoint(after: string): Pinpoint | undefined {
  const found = pinpointAt(after);
  if (!found) return undefined;
  return {
    text: found.text.replace(/[\s\u3000]+/g, ''),
    length: found.length,
    article: schemeAnchor({ article: found.pinpoint.article }),
    anchor: schemeAnchor(found.pinpoint),
    pin: found.pinpoint,
  };
}

/**
 * Where a pinpoint leads in a cited rule: the exact anchor when the rule has
 * that place; the article when only a finer part is missing (with why); none
 * when the rule has no such article.
 */
export function pinpointAnchor(anchors: RuleAnchors, pinpoint: Pinpoint): { anchor?: string; note?: string } {
  const target = resolvePinpoint(anchors, pinpoint.pin);
  if ('id' in target) return { anchor: target.id };
  const article = resolvePinpoint(anchors, { article: pinpoint.pin.article });
  if ('id' in article) return { anchor: article.id, note: `${pinpoint.text}: ${target.problem.message}: linked to ${pinpoint.article}` };
  return { note: `${pinpoint.article} is not an article of the cited document: linked to the document` };
}
