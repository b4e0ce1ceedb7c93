/**
 * The preview files of one document, beside its other files:
 * `/documents/<id>.preview.json` (the card: title, type, date as written,
 * issuer, speaker, status, and the articles' first sentences when they fit)
 * and, for a rule whose sentences do not fit, `/documents/<id>.preview-<k>.json`
 * parts of them. Every file stays small enough that a card, with the one part
 * an article link needs, costs about {@link PREVIEW_TARGET} bytes and at most
 * PREVIEW_BUDGET (5 KB).
 */
import type { DocumentData } from '../../schemas/document.ts';
import { articleLeads } from './articles.ts';
import { articleKey, PREVIEW_TARGET, type ArticleLeads, type PreviewCard, type PreviewPart } from './card.ts';

/** Bytes of a value's JSON in UTF-8, counted without encoding it. */
function bytes(value: unknown): number {
  const text = JSON.stringify(value);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    n += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return n;
}

/** The card's fields from the front matter, only those it has. */
export function previewCard(data: DocumentData): PreviewCard {
  const status = 'status' in data ? data.status : undefined;
  return {
    title: data.title,
    type: data.type,
    ...(data.date ? { date: data.date } : {}),
    ...(data.issuer ? { issuer: data.issuer } : {}),
    ...(data.speaker ? { speaker: data.speaker } : {}),
    ...(status ? { status } : {}),
  };
}

/**
 * Splits article sentences into parts of at most `budget` bytes each, by
 * article number, so the browser finds an article's part from its anchor
 * alone: articles with the same number (第八条, 第八条之一, a repeated 第八条-2)
 * stay in one part. Returns each part's first number and its articles.
 */
export function splitArticles(leads: ArticleLeads, budget: number): Array<{ start: number; articles: ArticleLeads }> {
  const byKey = new Map<number, Array<[string, string]>>();
  for (const entry of Object.entries(leads)) {
    const key = articleKey(entry[0]);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  // Bytes of `{"articles":{}}` and of each `"第八条":"…",` entry, summed as the part grows (stringifying it at each step cost more than the rest).
  const EMPTY = bytes({ articles: {} });
  const entryBytes = ([anchor, sentence]: [string, string]) => bytes(anchor) + bytes(sentence) + 2;
  const parts: Array<{ start: number; articles: ArticleLeads }> = [];
  let current: { start: number; articles: ArticleLeads } | undefined;
  let size = 0;
  for (const key of [...byKey.keys()].sort((a, b) => a - b)) {
    const group = byKey.get(key)!;
    const added = group.reduce((sum, entry) => sum + entryBytes(entry), 0);
    // The last entry has no comma.
    if (current && size + added - 1 > budget) current = undefined;
    if (!current) {
      current = { start: key, articles: {} };
      parts.push(current);
      size = EMPTY;
    }
    for (const [anchor, sentence] of group) current.articles[anchor] = sentence;
    size += added;
  }
  return parts;
}

/** The preview files of a document: name after the id (`preview.json`, `preview-1.json` …) and JSON text. */
export function previewFileContents(data: DocumentData, bodyHtml: string): Array<[string, string]> {
  const card = previewCard(data);
  const leads = articleLeads(bodyHtml);
  if (Object.keys(leads).length === 0) return [['preview.json', JSON.stringify(card)]];
  const whole: PreviewCard = { ...card, articles: leads };
  if (bytes(whole) <= PREVIEW_TARGET) return [['preview.json', JSON.stringify(whole)]];
  // The card file then holds no sentences but the parts' first numbers, so the card and any one part stay near the target.
  let reserve = bytes({ ...card, parts: [] });
  for (;;) {
    // Parts of at least half the target, so even the longest code (民法典, 1,260 articles) has few enough that their list stays short.
    const parts = splitArticles(leads, Math.max(PREVIEW_TARGET - reserve, PREVIEW_TARGET / 2));
    const head: PreviewCard = { ...card, parts: parts.map((p) => p.start) };
    if (bytes(head) <= reserve) {
      const files: Array<[string, string]> = [['preview.json', JSON.stringify(head)]];
      parts.forEach((part, i) => files.push([`preview-${i + 1}.json`, JSON.stringify({ articles: part.articles } satisfies PreviewPart)]));
      return files;
    }
    reserve = bytes(head);
  }
}
