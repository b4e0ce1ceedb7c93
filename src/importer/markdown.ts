/**
 * Serialises body blocks to Markdown with escaping we control: every character
 * Markdown or HTML would interpret (`< * _ [ ] \` # |` …) is escaped, so
 * `<script>` in a source shows as text. Garbled spans are written verbatim
 * (they contain nothing to escape in practice) and their exact offsets are
 * returned, so flags can point at them.
 */
import type { Block, Inline } from './types.ts';

/** The body and where each garbled span landed. */
export interface RenderedBody {
  markdown: string;
  /** Garbled spans as they stand in `markdown`, with UTF-16 offsets. */
  garbled: Array<{ text: string; offset: number }>;
}

const INLINE_SPECIAL = /[\\`*_[\]<>~|]/g;

/** A run GFM may read as an autolink literal (http://…, https://…, www.…), up to the next whitespace. */
const AUTOLINK_RUN = /(?:https?:\/\/|www\.)\S*/gi;
const TRAILING_AUTOLINK = /(?:https?:\/\/|www\.)\S*$/i;

/** An escaped colon or dot: GFM no longer reads the run as a link, and the reader sees the same text. */
const unlink = (run: string) => run.replace(/^(https?):|^(www)\./i, (_, scheme, www) => (scheme ? `${scheme}\\:` : `${www}\\.`));

/** Escapes text for use inside a Markdown paragraph or heading. */
export function escapeInline(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    // GFM takes an autolink literal verbatim, so an escape inside one would show as a backslash
    // (http://a\_b); escaping its colon or dot keeps such a run plain text. Clean URLs stay links.
    .replace(AUTOLINK_RUN, (run) => (run.includes('\\') ? unlink(run) : run));
}

/** Escapes what would start a block construct at the beginning of a line. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

const PUNCT_EDGE = /^[\p{P}\p{S}\s]|[\p{P}\p{S}\s]$/u;

/** Wraps in a delimiter only when CommonMark will read it as such (no punctuation at the inner edges). */
function mark(text: string, delimiter: string): string {
  return PUNCT_EDGE.test(text) ? text : `${delimiter}${text}${delimiter}`;
}

/** Neighbouring inlines with the same marks as one run: `<b>8<!-- -->某</b>` is **8某**, never **8****某**. */
function mergeRuns(inlines: readonly Inline[]): Inline[] {
  const runs: Inline[] = [];
  for (const inline of inlines) {
    const last = runs.at(-1);
    if (last && !last.garbled && !inline.garbled && !last.strong === !inline.strong && !last.emphasis === !inline.emphasis && last.href === inline.href) {
      runs[runs.length - 1] = { ...last, text: last.text + inline.text };
    } else {
      runs.push(inline);
    }
  }
  return runs;
}

/**
 * Renders a line of inlines. With `lineStart` (paragraphs, and list items, whose content is
 * read as blocks too) what would start a block construct is escaped on the joined line, since
 * `1` and `. ` may come from two inlines.
 */
function renderInlines(inlines: readonly Inline[], base: number, garbled: RenderedBody['garbled'], lineStart: boolean): string {
  let out = '';
  const firstGarbled = garbled.length;
  for (const inline of mergeRuns(inlines)) {
    let text = escapeInline(inline.text);
    if (inline.garbled) {
      garbled.push({ text, offset: base + out.length });
      out += text;
      continue;
    }
    // Two delimiter runs must not touch (**a***b* reads otherwise): the later one goes unmarked.
    const marked = inline.href || ((inline.strong || inline.emphasis) && !out.endsWith('*') && !PUNCT_EDGE.test(text));
    if (marked) {
      // An autolink literal runs on into whatever follows it, delimiters and brackets included.
      text = text.replace(TRAILING_AUTOLINK, unlink);
      const before = TRAILING_AUTOLINK.exec(out);
      if (before) {
        const unlinked = unlink(before[0]);
        for (let k = firstGarbled; k < garbled.length; k++) if (garbled[k]!.offset >= base + before.index) garbled[k]!.offset += unlinked.length - before[0].length;
        out = out.slice(0, before.index) + unlinked;
      }
      if (!out.endsWith('*')) {
        if (inline.strong) text = mark(text, '**');
        if (inline.emphasis) text = mark(text, '*');
      }
    }
    if (inline.href) text = `[${text}](<${inline.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
    out += text;
  }
  if (lineStart) {
    const escaped = escapeLineStart(out);
    for (let k = firstGarbled; k < garbled.length; k++) garbled[k]!.offset += escaped.length - out.length;
    out = escaped;
  }
  return out;
}

function renderTable(rows: Inline[][][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  // escapeInline already writes | as \|, which a GFM table reads as a pipe inside the cell.
  const cell = (inlines: Inline[] | undefined) => escapeInline((inlines ?? []).map((i) => i.text).join('')) || ' ';
  const line = (row: Inline[][]) => `| ${Array.from({ length: width }, (_, k) => cell(row[k])).join(' | ')} |`;
  return [line(rows[0]!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** Renders blocks (in order) as a Markdown body ending in one newline. */
export function renderBody(blocks: readonly Block[]): RenderedBody {
  const garbled: RenderedBody['garbled'] = [];
  const parts: string[] = [];
  let length = 0;
  let listNumber = 0;
  const separator = (prev: Block | undefined, next: Block) =>
    prev?.kind === 'list-item' && next.kind === 'list-item' && prev.ordered === next.ordered ? '\n' : '\n\n';
  let prev: Block | undefined;
  for (const block of blocks) {
    const text = block.rows ? '' : block.inlines.map((i) => i.text).join('');
    if (!block.rows && text.trim() === '') continue;
    if (block.rows && block.rows.length === 0) continue;
    const sep = parts.length === 0 ? '' : separator(prev, block);
    length += sep.length;
    let rendered: string;
    if (block.kind === 'table' && block.rows) {
      rendered = renderTable(block.rows);
    } else if (block.kind === 'heading') {
      const prefix = `${'#'.repeat(block.depth ?? 2)} `;
      rendered = prefix + renderInlines(block.inlines, length + prefix.length, garbled, false).replace(/#$/, '\\#');
    } else if (block.kind === 'list-item') {
      listNumber = prev?.kind === 'list-item' && prev.ordered === block.ordered ? listNumber + 1 : 1;
      const prefix = block.ordered ? `${listNumber}. ` : '- ';
      rendered = prefix + renderInlines(block.inlines, length + prefix.length, garbled, true);
    } else {
      rendered = renderInlines(block.inlines, length, garbled, true);
    }
    parts.push(sep + rendered);
    length += rendered.length;
    prev = block;
  }
  return { markdown: `${parts.join('')}\n`, garbled };
}

/** 1-based line and column (UTF-16 units) of an offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
