/**
 * Character facts the cleaning rules need: Han or not, how common a
 * character is (by its GB2312 level, read from the built-in GBK decoder, so
 * no table ships), and its Simplified form (opencc-js, one character at a time,
 * cached).
 */
import * as OpenCC from 'opencc-js';

/** True for a Han ideograph (CJK unified ideographs, extensions and compatibility forms). */
export function isHan(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.codePointAt(0)!;
  // Ranges checked by number: this runs once per character of every input.
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

/** True for Han, CJK punctuation, full-width forms and curly quotes: "Chinese context" for punctuation rules. */
export function isCjkContext(c: string | undefined): boolean {
  return c !== undefined && (isHan(c) || /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/.test(c));
}

let levels: Map<string, 1 | 2> | undefined;

/**
 * GB2312 level of a character: 1 for the 3,755 common characters, 2 for the
 * 3,008 less common ones, undefined for anything else (rare or not Chinese).
 */
export function gb2312Level(c: string): 1 | 2 | undefined {
  if (!levels) {
    levels = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0xb0; hi <= 0xf7; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd') levels.set(ch, hi <= 0xd7 ? 1 : 2);
      }
    }
  }
  return levels.get(c);
}

let converter: ((text: string) => string) | undefined;

/** Traditional (Taiwan standard) → Simplified (mainland), phrase-aware. */
export function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(text);
}

const charCache = new Map<string, string>();
let traditionalClass: RegExp | undefined;

/**
 * A global pattern matching every character of the main CJK block that
 * opencc changes (Traditional forms), built once by converting each character.
 */
export function traditionalCharacters(): RegExp {
  if (!traditionalClass) {
    const chars: string[] = [];
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const c = String.fromCharCode(code);
      if (simplifiedChar(c) !== c) chars.push(c);
    }
    traditionalClass = new RegExp(`[${chars.join('')}]`, 'g');
  }
  return traditionalClass;
}

/** The Simplified form of one character (itself when it has none). */
export function simplifiedChar(c: string): string {
  let s = charCache.get(c);
  if (s === undefined) {
    s = toSimplified(c);
    if ([...s].length !== 1) s = c;
    charCache.set(c, s);
  }
  return s;
}
