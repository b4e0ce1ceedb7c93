/**
 * Wenyuan's search vocabulary. Each Chinese character becomes a token of its
 * own followed by the bigram it starts (人大代表 → 人 人大 大 大代 代 代表 表).
 * A phrase is found exactly by checking that its bigrams stand at the right
 * distances (two apart within a run); a single character is an exact word,
 * so its recall does not depend on Pagefind's prefix expansion. Other scripts
 * stay whole words.
 *
 * Pagefind segments Chinese with its own dictionary even in an `und` index (a
 * bigram such as 大代 is split into 大 and 代, in the index and in queries), so
 * Chinese tokens are written in ASCII: `q` and the code point in base 36, four
 * digits per character (人 → q0fju, and 人大 → q0fju0hlz: the second code without its q).
 * Real words of that shape get an `x` in front so decoding is unambiguous.
 */

/** A run of Chinese characters, a run of other letters or digits, or one other visible character. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)|(\S)/gu;

const CODE_WIDTH = 4;
const CODED = /^q[0-9a-z]{4}(?:[0-9a-z]{4})?$/;
const ESCAPED = /^x+q[0-9a-z]{4}(?:[0-9a-z]{4})?$/;

/** Padding token after the title (never a word, so never matched). */
export const FILLER = '·';

/**
 * Token positions reserved for the title at the start of every indexed page:
 * a match below this position is a match in the title.
 */
export const TITLE_SLOT = 256;

/** The ASCII word for one Chinese character. */
export function encodeChar(char: string): string {
  return `q${char.codePointAt(0)!.toString(36).padStart(CODE_WIDTH, '0')}`;
}

function bigram(first: string, second: string): string {
  return first + second.slice(1);
}

function encodeWord(word: string): string {
  const lower = word.toLowerCase();
  return CODED.test(lower) || ESCAPED.test(lower) ? `x${lower}` : word;
}

/** True for an encoded bigram (not part of the text when decoding). */
export function isBigram(token: string): boolean {
  return token.length === 1 + 2 * CODE_WIDTH && CODED.test(token);
}

function decodeToken(token: string): string {
  if (token.length === 1 + CODE_WIDTH && CODED.test(token)) return String.fromCodePoint(parseInt(token.slice(1), 36));
  if (ESCAPED.test(token)) return token.slice(1);
  return token;
}

/** One token of a text, and whether a phrase looks it up (see {@link phrasePattern}). */
interface Token {
  token: string;
  lookUp: boolean;
}

function tokensOf(text: string, lowerWords: boolean): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(RUN)) {
    if (match[1]) {
      const codes = [...match[1]].map(encodeChar);
      for (let i = 0; i < codes.length; i++) {
        out.push({ token: codes[i]!, lookUp: codes.length === 1 });
        if (i + 1 < codes.length) out.push({ token: bigram(codes[i]!, codes[i + 1]!), lookUp: true });
      }
    } else if (match[2]) {
      const word = encodeWord(match[2]);
      out.push({ token: lowerWords ? word.toLowerCase() : word, lookUp: true });
    } else {
      out.push({ token: match[0], lookUp: false });
    }
  }
  return out;
}

/** Tokens of one stretch of text. A phrase never spans two stretches (two paragraphs). */
export function tokenize(text: string): string[] {
  return tokensOf(text, false).map((t) => t.token);
}

/** What a phrase must match: tokens at fixed distances, and where the phrase's text lies around them. */
export interface PhrasePattern {
  /** Tokens to look up: bigrams for a Chinese run, the character itself for a one-character run, words. */
  tokens: string[];
  /** Distance of each token from the first one (two apart between bigrams of one run). */
  offsets: number[];
  /** Position of the first looked-up token within the phrase's own tokens (1 when it starts with a bigram). */
  lead: number;
  /** How many index tokens the phrase's text spans. */
  width: number;
}

/** The pattern a phrase must match, from the phrase's own tokens. Punctuation in a phrase is dropped. */
export function phrasePattern(phrase: string): PhrasePattern {
  const all = tokensOf(phrase.replace(/[^\p{L}\p{N}]+/gu, ''), true);
  const first = all.findIndex((entry) => entry.lookUp);
  if (first === -1) return { tokens: [], offsets: [], lead: 0, width: 0 };
  const tokens: string[] = [];
  const offsets: number[] = [];
  all.forEach((entry, i) => {
    if (!entry.lookUp) return;
    tokens.push(entry.token);
    offsets.push(i - first);
  });
  return { tokens, offsets, lead: first, width: all.length };
}

function isWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text) && !/^\p{Script=Han}$/u.test(text);
}

/**
 * Turns indexed tokens back into text: bigrams are dropped, characters and
 * words decoded; words are separated by a space only from other words.
 */
export function decodeTokens(tokens: readonly string[]): string {
  let out = '';
  let previousWord = false;
  for (const raw of tokens) {
    // Pagefind ends each block's text with a full stop glued to its last token.
    const blockEnd = raw.length > 1 && raw.endsWith('.');
    const token = blockEnd ? raw.slice(0, -1) : raw;
    if (token === FILLER || token === '' || isBigram(token)) continue;
    const text = decodeToken(token);
    const word = isWord(text);
    if (word && previousWord) out += ' ';
    out += text;
    previousWord = word;
    if (blockEnd) {
      out += ' ';
      previousWord = false;
    }
  }
  return out;
}
