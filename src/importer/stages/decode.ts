/**
 * Stage 1, decode: raw bytes → text. Strict UTF-8 first, because a real GBK or
 * Big5 file is almost never valid UTF-8; only when that fails do we trust a
 * `<meta charset>` or chardet's guess, and decode with the built-in TextDecoder.
 */
import chardet from 'chardet';

/** The decoded text and how its encoding was decided. */
export interface Decoded {
  ok: true;
  text: string;
  /** WHATWG encoding label, e.g. `utf-8`, `gb18030`, `big5`. */
  encoding: string;
  /** How the encoding was decided, e.g. `strict UTF-8`, `chardet: Big5 (confidence 100)`. */
  how: string;
}

/** Why the bytes are not a text document. */
export interface DecodeFailure {
  ok: false;
  rule: 'empty' | 'binary' | 'undecodable';
  reason: string;
}

const SNIFF_BYTES = 8192;

/** Labels chardet uses, mapped to what TextDecoder accepts. */
const CHARDET_TO_WHATWG: Record<string, string> = {
  'UTF-8': 'utf-8',
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'EUC-JP': 'euc-jp',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
};

/** Encodings a Chinese web copy can plausibly be in; chardet's other guesses are ignored. */
const CHINESE_ENCODINGS = new Set(['gb18030', 'big5']);

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Share of control characters (not tab, newline, CR, form feed, escape) in the first bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > end * 0.05;
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!match) return undefined;
  try {
    return new TextDecoder(match[1]!.toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes raw input bytes; never guesses silently: `how` says what decided.
 * A text with a NUL character is binary too, wherever the NUL is and whatever
 * the encoding (UTF-16 after a byte order mark, UTF-8 past the sniffed bytes):
 * Markdown cannot hold one (CommonMark reads it as U+FFFD).
 */
export function decode(bytes: Uint8Array): Decoded | DecodeFailure {
  const decoded = decodeBytes(bytes);
  if (decoded.ok && decoded.text.includes('\u0000')) {
    return { ok: false, rule: 'binary', reason: `二进制文件：解码（${decoded.encoding}）后含 NUL 字符，不是文本 (binary file)` };
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array): Decoded | DecodeFailure {
  if (bytes.length === 0) return { ok: false, rule: 'empty', reason: '空文件：0 字节 (empty file)' };
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = tryDecode(bytes.subarray(bom.length), bom.encoding);
    if (text !== undefined) return { ok: true, text: normaliseNewlines(text), encoding: bom.encoding, how: `byte order mark (${bom.encoding})` };
  }
  if (looksBinary(bytes)) {
    return { ok: false, rule: 'binary', reason: '二进制文件：含 NUL 或大量控制字符，不是文本 (binary file)' };
  }
  const meta = metaCharset(bytes);
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) {
    const note = meta && meta !== 'utf-8' ? ` (meta charset ${meta} ignored: the bytes are valid UTF-8)` : '';
    return { ok: true, text: normaliseNewlines(utf8), encoding: 'utf-8', how: `strict UTF-8${note}` };
  }
  if (meta && meta !== 'utf-8') {
    const text = tryDecode(bytes, meta);
    if (text !== undefined) return { ok: true, text: normaliseNewlines(text), encoding: meta, how: `<meta charset=${meta}>` };
  }
  const guesses = chardet.analyse(bytes);
  for (const guess of guesses) {
    const encoding = CHARDET_TO_WHATWG[guess.name];
    if (!encoding || !CHINESE_ENCODINGS.has(encoding)) continue;
    const text = tryDecode(bytes, encoding);
    if (text !== undefined) {
      return { ok: true, text: normaliseNewlines(text), encoding, how: `chardet: ${guess.name} (confidence ${guess.confidence})` };
    }
  }
  // chardet can rank a Chinese file as a Western encoding; GB18030 then Big5 is
  // the order in which mainland archives meet them.
  for (const encoding of ['gb18030', 'big5']) {
    const text = tryDecode(bytes, encoding);
    if (text !== undefined) return { ok: true, text: normaliseNewlines(text), encoding, how: `fallback: decodes as ${encoding} without errors` };
  }
  return { ok: false, rule: 'undecodable', reason: '无法解码：不是 UTF-8、GB18030 或 Big5 文本 (undecodable)' };
}
