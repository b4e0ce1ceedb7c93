/**
 * Wenyuan's search vocabulary: Chinese text becomes overlapping character
 * bigrams, one token per character (人大代表 → 人大 大代 代表 表), so every
 * character starts exactly one token. Pagefind indexes these tokens as words
 * (language `und`: no segmentation of its own); a phrase is found exactly by
 * checking that its tokens stand at consecutive positions, and a single
 * character by Pagefind's prefix match. Other scripts stay whole words.
 */

/** A run of Chinese characters, a run of other letters or digits, or one other visible character. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)|(\S)/gu;

/** Tokens of one stretch of text. A phrase never spans two stretches (two paragraphs). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(RUN)) {
    if (match[1]) {
      const chars = [...match[1]];
      for (let i = 0; i < chars.length; i++) tokens.push(i + 1 < chars.length ? chars[i]! + chars[i + 1]! : chars[i]!);
    } else {
      tokens.push(match[0]);
    }
  }
  return tokens;
}

/** True for a token that begins with a Chinese character. */
export function isHanToken(token: string): boolean {
  return /^\p{Script=Han}/u.test(token);
}

/** True for a token that carries searchable letters or digits (not punctuation). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/**
 * The tokens a phrase must match, in order, at consecutive positions: the
 * bigrams of each Chinese run (a one-character run is matched by prefix), and
 * other words whole. Punctuation in a phrase is dropped.
 */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const match of phrase.matchAll(RUN)) {
    if (match[1]) {
      const chars = [...match[1]];
      if (chars.length === 1) out.push(chars[0]!);
      else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else if (match[2]) {
      out.push(match[2].toLowerCase());
    }
  }
  return out;
}

/**
 * Turns indexed tokens back into text: a Chinese token gives its first
 * character; words are separated by a space only from other words.
 */
export function decodeTokens(tokens: readonly string[]): string {
  let out = '';
  let previousWord = false;
  for (const raw of tokens) {
    // Pagefind ends each block's text with a full stop glued to its last token.
    const blockEnd = raw.length > 1 && raw.endsWith('.');
    const token = blockEnd ? raw.slice(0, -1) : raw;
    if (token === FILLER || token === '') continue;
    if (isHanToken(token)) {
      out += [...token][0];
      previousWord = false;
      if (blockEnd) out += ' ';
    } else {
      const word = isWordToken(token) && !isHanToken(token);
      if (word && previousWord) out += ' ';
      out += token;
      previousWord = word;
    }
  }
  return out;
}

/** Padding token after the title (never a word, so never matched). */
export const FILLER = '·';

/**
 * Token positions reserved for the title at the start of every indexed page:
 * a match below this position is a match in the title.
 */
export const TITLE_SLOT = 256;
