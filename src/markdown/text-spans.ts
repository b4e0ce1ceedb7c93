/**
 * Shared by the plugins that turn stretches of a text node into links
 * (remark-cross-links, remark-rule-references): cut the text around the
 * spans found and put each span's node in its place. Not a plugin.
 */
import type { PhrasingContent } from 'mdast';

/** A stretch of a text value, [start, end), to be replaced by `node`. */
export interface TextSpan {
  start: number;
  end: number;
  node: PhrasingContent;
}

/** The text split around the (non-overlapping) spans, or undefined when there are none. */
export function spliceSpans(value: string, spans: TextSpan[]): PhrasingContent[] | undefined {
  if (spans.length === 0) return undefined;
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > at) out.push({ type: 'text', value: value.slice(at, span.start) });
    out.push(span.node);
    at = span.end;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}
