/**
 * Wenyuan's search vocabulary: about one token per Chinese character.
 *
 * A run of Chinese characters is written as the bigrams it is made of, one
 * after another (人大代表 → 人大 大代 代表), so a phrase is found exactly by
 * checking that its bigrams stand at consecutive positions. A one-character
 * run is the character itself. Where a run meets a word (letters or digits)
 * its edge character is written again on that side (2023年度 → 2023 年 年度),
 * so a phrase such as 2023年 or 第3条 matches at the exact place.
 *
 * A one-character query cannot be answered from bigrams alone, so every page
 * also lists each of its characters once, after a marker at the end of its
 * text ({@link characterSet}); single characters are found page by page, and
 * the excerpt finds the first occurrence in the text.
 *
 * Pagefind segments Chinese with its own dictionary even in an `und` index (a
 * bigram such as 大代 is split into 大 and 代, in the index and in queries), so
 * Chinese tokens are written in ASCII: `q` and each character's code point in
 * base 36, three digits per character (人大 → qfjuhlz; a Chinese code's first
 * digit is at most `v`), and a lone character ends in `w` (人 → qfjuw). The few
 * characters beyond three digits (compatibility ideographs, the supplementary
 * planes) are written `qx` and four digits and stand alone, like a word. Words
 * of letters or digits end in `qy`, with each q in them written `qz` (3 → 3qy,
 * 30 → 30qy).
 *
 * No token begins another. Pagefind expands a looked-up word to every word it
 * begins, and where none does, to the longest word that begins it; with a
 * vocabulary where neither can happen a token's search returns exactly the
 * pages holding it, with all its positions (3 does not find 30, 人 does not
 * find 人大, and a bigram missing from an index finds nothing). Two things
 * outside these tokens keep this true: every indexed block ends in
 * {@link BLOCK_END} (see there), and words are lower-cased ({@link tokenize}).
 * Pagefind also puts the words of a page's meta values in its word list (a
 * date 2023-03-01 adds 2023, which begins 2023qy), but with no positions in
 * the text, so a page found only through them matches no phrase.
 */

/** A run of Chinese characters, a run of other letters or digits, or one other visible character. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)|(\S)/gu;

const CODE_WIDTH = 3;
/** Code points written with {@link CODE_WIDTH} digits; the others are rare characters. */
const CODE_LIMIT = 36 ** CODE_WIDTH;
/** Ends a lone character's code; never a code's first digit, so a lone character begins no bigram. */
const CHAR_END = 'w';
/** A character or bigram code (Chinese code points below 0xA000 start with a digit up to v). */
const CODED = /^q[0-9a-v][0-9a-z]{2}(?:w|[0-9a-v][0-9a-z]{2})$/;
const RARE = /^qx[0-9a-z]{4}$/;
const WORD = /qy$/i;

/**
 * Padding token after the title and between runs (never a word, so never
 * matched). The markers below are two or more characters long, so none of
 * them is a punctuation token of the text itself (tokenize writes those one
 * character at a time: a name such as 马克思·恩格斯 keeps its ·).
 */
export const FILLER = '··';

/**
 * Token ending every block of indexed text (and the title slot). Pagefind
 * glues a full stop to a block's last word when the block ends in a word
 * character, and then also indexes the parts of that "compound" word split
 * at letters and digits (qab3cd. → qab, cd): parts that could begin other
 * tokens. A block ending in this token never gets the full stop.
 */
export const BLOCK_END = '¶¶';

/** Token before a page's character list: the text ends there. */
export const CHARACTERS_MARK = '·¶·';

/**
 * Token positions reserved for the title at the start of every indexed page:
 * a match below this position is a match in the title.
 */
export const TITLE_SLOT = 256;

/** The ASCII word for one Chinese character. */
export function encodeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code < CODE_LIMIT ? `q${digits(char)}${CHAR_END}` : `qx${code.toString(36).padStart(4, '0')}`;
}

/** The {@link CODE_WIDTH} base-36 digits of a character below {@link CODE_LIMIT}. */
function digits(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(CODE_WIDTH, '0');
}

function bigram(first: string, second: string): string {
  return `q${digits(first)}${digits(second)}`;
}

function encodeWord(word: string): string {
  return `${word.replace(/q/gi, (q) => `${q}z`)}qy`;
}

function decodeWord(token: string): string {
  return token.slice(0, -2).replace(/(q)z/gi, '$1');
}

/** The characters of an encoded bigram or character; undefined for other tokens. */
function hanOf(token: string): string[] | undefined {
  if (RARE.test(token)) return [String.fromCodePoint(parseInt(token.slice(2), 36))];
  if (!CODED.test(token)) return undefined;
  const codes = token.length === 2 + CODE_WIDTH ? [token.slice(1, 1 + CODE_WIDTH)] : [token.slice(1, 1 + CODE_WIDTH), token.slice(1 + CODE_WIDTH)];
  return codes.map((code) => String.fromCodePoint(parseInt(code, 36)));
}

/** One token of a text, and whether a phrase looks it up (see {@link phrasePattern}). */
interface Token {
  token: string;
  lookUp: boolean;
}

type Piece = { kind: 'han'; chars: string[] } | { kind: 'word'; token: string } | { kind: 'other'; token: string };

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const match of text.matchAll(RUN)) {
    if (match[1]) {
      // A rare character stands alone, like a word, between runs of the others.
      let run: string[] = [];
      for (const char of match[1]) {
        if (char.codePointAt(0)! < CODE_LIMIT) {
          run.push(char);
          continue;
        }
        if (run.length > 0) pieces.push({ kind: 'han', chars: run });
        run = [];
        pieces.push({ kind: 'word', token: encodeChar(char) });
      }
      if (run.length > 0) pieces.push({ kind: 'han', chars: run });
    } else if (match[2]) {
      pieces.push({ kind: 'word', token: encodeWord(match[2].toLowerCase()) });
    } else pieces.push({ kind: 'other', token: match[0] });
  }
  return pieces;
}

function tokensOf(text: string): Token[] {
  const pieces = piecesOf(text);
  const out: Token[] = [];
  pieces.forEach((piece, i) => {
    if (piece.kind !== 'han') {
      out.push({ token: piece.token, lookUp: piece.kind === 'word' });
      return;
    }
    const { chars } = piece;
    // Two runs apart only by white space: a filler keeps their bigrams from meeting.
    if (pieces[i - 1]?.kind === 'han') out.push({ token: FILLER, lookUp: false });
    if (chars.length === 1) {
      out.push({ token: encodeChar(chars[0]!), lookUp: true });
      return;
    }
    // Edge characters are looked up too: only they tell a word from punctuation beside the run.
    if (pieces[i - 1]?.kind === 'word') out.push({ token: encodeChar(chars[0]!), lookUp: true });
    for (let j = 0; j + 1 < chars.length; j++) out.push({ token: bigram(chars[j]!, chars[j + 1]!), lookUp: true });
    if (pieces[i + 1]?.kind === 'word') out.push({ token: encodeChar(chars.at(-1)!), lookUp: true });
  });
  return out;
}

/**
 * Tokens of one stretch of text. A phrase never spans two stretches (two
 * paragraphs). Words are lower-cased (the normaliser does so already): since
 * Pagefind 1.5 a word with a capital after its first letter is split as a
 * compound and its parts indexed, and a part could begin another token.
 */
export function tokenize(text: string): string[] {
  return tokensOf(text).map((t) => t.token);
}

/** Each Chinese character of a text once, as tokens, in order of first appearance. */
export function characterSet(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(/\p{Script=Han}/gu)) seen.add(match[0]);
  return [...seen].map(encodeChar);
}

/** What a phrase must match: tokens at fixed distances, and where the phrase's text lies around them. */
export interface PhrasePattern {
  /** Tokens to look up: bigrams for a Chinese run, the character itself for a one-character run, words. */
  tokens: string[];
  /** Distance of each token from the first one. */
  offsets: number[];
  /** Position of the first looked-up token within the phrase's own tokens. */
  lead: number;
  /** How many index tokens the phrase's text spans. */
  width: number;
  /** True for a single Chinese character, found through pages' character lists rather than at positions. */
  single: boolean;
}

/** The pattern a phrase must match, from the phrase's own tokens. Punctuation in a phrase is dropped. */
export function phrasePattern(phrase: string): PhrasePattern {
  const stripped = phrase.replace(/[^\p{L}\p{N}]+/gu, '');
  const all = tokensOf(stripped);
  const first = all.findIndex((entry) => entry.lookUp);
  const single = /^\p{Script=Han}$/u.test(stripped);
  if (first === -1) return { tokens: [], offsets: [], lead: 0, width: 0, single };
  const tokens: string[] = [];
  const offsets: number[] = [];
  all.forEach((entry, i) => {
    if (!entry.lookUp) return;
    tokens.push(entry.token);
    offsets.push(i - first);
  });
  return { tokens, offsets, lead: first, width: all.length, single };
}

/** Text decoded from tokens, with the stretch of text each token stands for. */
export interface DecodedText {
  text: string;
  /** `spans[i]` = [start, end) of token i's characters in `text` (empty for fillers). */
  spans: Array<[number, number]>;
}

function isWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text) && !/^\p{Script=Han}$/u.test(text);
}

/**
 * Turns indexed tokens back into text: a run's bigrams give its characters
 * once, edge characters written again are not repeated, words are decoded and
 * separated by a space only from other words.
 */
export function decodeText(tokens: readonly string[]): DecodedText {
  let text = '';
  const spans: Array<[number, number]> = [];
  // The second character of the last bigram, written once the run goes on or ends.
  let pending: string | undefined;
  let previousWord = false;
  const flush = () => {
    if (pending !== undefined) text += pending;
    pending = undefined;
  };
  tokens.forEach((token, i) => {
    const han = hanOf(token);
    if (han && han.length === 2) {
      // A run's next bigram starts with the character the last one left pending.
      if (pending === han[0]) pending = undefined;
      else flush();
      spans.push([text.length, text.length + 2]);
      text += han[0];
      pending = han[1];
      previousWord = false;
    } else if (han) {
      const char = han[0]!;
      if (pending === char) {
        // The run's edge character written again before a word.
        spans.push([text.length, text.length + char.length]);
        flush();
      } else {
        flush();
        spans.push([text.length, text.length + char.length]);
        const next = hanOf(tokens[i + 1] ?? '');
        // Before its run's first bigram the character is written by the bigram.
        if (!(next?.length === 2 && next[0] === char)) text += char;
      }
      previousWord = false;
    } else {
      flush();
      if (token === BLOCK_END) {
        spans.push([text.length, text.length]);
        text += ' ';
        previousWord = false;
      } else if (token === FILLER || token === CHARACTERS_MARK || token === '') {
        spans.push([text.length, text.length]);
      } else {
        const word = WORD.test(token) ? decodeWord(token) : token;
        const wordLike = isWord(word);
        if (wordLike && previousWord) text += ' ';
        spans.push([text.length, text.length + word.length]);
        text += word;
        previousWord = wordLike;
      }
    }
  });
  flush();
  return { text, spans };
}

/** Whether a token ends a block of indexed text. */
export function endsBlock(token: string): boolean {
  return token === BLOCK_END;
}

/** The text of tokens (see {@link decodeText}). */
export function decodeTokens(tokens: readonly string[]): string {
  return decodeText(tokens).text;
}
