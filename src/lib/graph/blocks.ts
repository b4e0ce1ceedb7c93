/**
 * The text blocks of a Markdown body (headings, paragraphs, list items,
 * table rows) with the line each starts on, for reading citations and names
 * with file and line without a full Markdown parser. Inline markup (bold,
 * links, code) is dropped so the text reads as the rendered page does; the
 * remark plugin sees the same text in its text nodes.
 */

/** One block of text. */
export interface TextBlock {
  /** The text, lines joined with \n. */
  text: string;
  /** 1-based line of the block's first line in the body. */
  line: number;
  /** Heading depth for headings. */
  heading?: number;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/;
const LIST = /^\s*(?:[-*+]|\d+[.)])\s+/;
const QUOTE = /^\s*>\s?/;

function inline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

/** The blocks of a Markdown body, in order. */
export function markdownBlocks(body: string): TextBlock[] {
  const lines = body.split(/\r?\n/);
  const blocks: TextBlock[] = [];
  let current: { lines: string[]; line: number } | undefined;
  let fenced = false;
  const flush = () => {
    if (current) blocks.push({ text: current.lines.join('\n'), line: current.line });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    if (FENCE.test(raw)) {
      flush();
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (raw.trim() === '' || /^\s{0,3}(?:[-*_]\s*){3,}$/.test(raw)) {
      flush();
      return;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      flush();
      blocks.push({ text: inline(heading[2]!), line: i + 1, heading: heading[1]!.length });
      return;
    }
    if (LIST.test(raw) || /^\s*\|/.test(raw)) flush();
    const text = inline(raw.replace(QUOTE, '').replace(LIST, '').replace(/^\s*\|(.*)\|\s*$/, '$1').replace(/^[ \t]+/, ''));
    if (!current) current = { lines: [], line: i + 1 };
    current.lines.push(text);
    if (/^\s*\|/.test(raw)) flush();
  });
  flush();
  return blocks;
}

/** The 1-based line and column of `offset` in a block. */
export function positionIn(block: TextBlock, offset: number): { line: number; column: number } {
  const before = block.text.slice(0, offset);
  const breaks = before.split('\n');
  return { line: block.line + breaks.length - 1, column: breaks[breaks.length - 1]!.length + 1 };
}

/**
 * The sentence around a span: from the previous 。！？；or line start to the
 * next sentence end, cut to about `max` characters around the span.
 */
export function sentenceAround(text: string, start: number, end: number, max = 140): string {
  let from = start;
  while (from > 0 && !/[。！？；!?\n]/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/[。！？；!?\n]/.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  let sentence = text.slice(from, to).replace(/\s+/g, '');
  if (sentence.length > max) {
    const at = start - from;
    const left = Math.max(0, at - Math.floor((max - (end - start)) / 2));
    const right = Math.min(text.length - from, left + max);
    sentence = `${left > 0 ? '…' : ''}${text.slice(from + left, from + right).replace(/\s+/g, '')}${right < to - from ? '…' : ''}`;
  }
  return sentence;
}
