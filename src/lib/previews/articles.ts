/**
 * The first sentence of each article of a rule, read from the document's
 * rendered text (the `<section class="article" id="第八条">` elements that
 * src/markdown/remark-rule-structure.ts makes), so a preview quotes exactly
 * what the page shows. The HTML is the archive's own rendering, so a tag
 * scanner reads it, as for the `.txt` files (src/lib/export/text.ts).
 */
import { htmlToText } from '../export/text.ts';
import type { ArticleLeads } from './card.ts';

/** Most characters of a first sentence a card shows; a longer one is cut there and ends with …. */
export const SENTENCE_LIMIT = 120;

const ARTICLE_START = /<section\b[^>]*\bclass="article"[^>]*>/g;
const ID = /\bid="([^"]+)"/;
/** The article number, set in bold at the start of the article: not part of its sentence. */
const NUMBER = /<strong\b[^>]*\bclass="article-number"[^>]*>[\s\S]*?<\/strong>/;
/** A sentence ends at 。！？ (or ! ?), with the closing quotes and brackets after it. */
const SENTENCE_END = /[。！？!?][”’」』）)】]*/;

/**
 * The first sentence of an article's text: up to its first 。！？, or the
 * whole text when it has none (a lead line such as 下列事项：, then its 项);
 * a leading caption 【会议制度】 and spaces left out; at most
 * {@link SENTENCE_LIMIT} characters, a longer one cut and ended with ….
 */
export function firstSentence(text: string): string {
  const lead = text.replace(/^[\s\u3000]+/, '').replace(/^【[^】]*】[\s\u3000]*/, '');
  const end = SENTENCE_END.exec(lead);
  const sentence = (end ? lead.slice(0, end.index + end[0].length) : lead).replace(/[\s\u3000]+$/, '');
  const chars = [...sentence];
  return chars.length > SENTENCE_LIMIT ? `${chars.slice(0, SENTENCE_LIMIT).join('')}…` : sentence;
}

/** Each article of rendered document HTML, by anchor, with its first sentence, in document order; empty for a text without articles. */
export function articleLeads(bodyHtml: string): ArticleLeads {
  const leads: ArticleLeads = {};
  for (const start of bodyHtml.matchAll(ARTICLE_START)) {
    const id = ID.exec(start[0])?.[1];
    if (!id) continue;
    const from = start.index + start[0].length;
    // Articles are never nested, and nothing inside one is a section.
    const to = bodyHtml.indexOf('</section>', from);
    const inner = bodyHtml.slice(from, to < 0 ? undefined : to).replace(NUMBER, '');
    // Block by block, only as far as the first sentence reaches: most end in the first 款.
    let text = '';
    for (let at = 0; at < inner.length && !SENTENCE_END.test(text) && text.length <= SENTENCE_LIMIT * 2; ) {
      const end = inner.indexOf('</p>', at);
      const next = end < 0 ? inner.length : end + 4;
      text += htmlToText(inner.slice(at, next)).replace(/\n+/g, '');
      at = next;
    }
    const sentence = firstSentence(text);
    if (sentence && !Object.hasOwn(leads, id)) leads[id] = sentence;
  }
  return leads;
}
