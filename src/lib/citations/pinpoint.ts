/**
 * The article pinpoint right after a cited title: 《…》第八条, 第八条第二款,
 * 第十二条之一第三项. This is a small adapter: the rules work (issue 5) owns
 * the pinpoint grammar and the anchor scheme of articles; until its parser is
 * in the tree, this reads the common forms and yields the article anchor,
 * which is the article number as written (`#第八条`). Switch the body of
 * {@link parsePinpoint} to the rules parser when it lands; callers only use
 * `text` and `anchor`.
 */
import { CHINESE_NUMERAL_CHARS } from '../chinese-numerals.ts';

const NUM = `[${CHINESE_NUMERAL_CHARS}\\d０-９]+`;
const PINPOINT = new RegExp(
  `^[\\s\\u3000]*(第${NUM}条(?:之[${CHINESE_NUMERAL_CHARS}]+)?)((?:第${NUM}款)?(?:第${NUM}项)?(?:第${NUM}目)?)`,
  'u',
);

/** An article pinpoint after a title. */
export interface Pinpoint {
  /** The pinpoint as written, e.g. 第八条第二款. */
  text: string;
  /** Length in the source, spaces before it included. */
  length: number;
  /** The article, e.g. 第八条 (also 第十二条之一). */
  article: string;
  /** The fragment to link to: the article's anchor, e.g. 第八条. */
  anchor: string;
}

/** The pinpoint at the start of `after` (the text right after 》), if any. */
export function parsePinpoint(after: string): Pinpoint | undefined {
  const m = PINPOINT.exec(after);
  if (!m) return undefined;
  const article = m[1]!.replace(/[\s\u3000]+/g, '');
  return { text: (m[1]! + m[2]!).replace(/[\s\u3000]+/g, ''), length: m[0].length, article, anchor: article };
}
