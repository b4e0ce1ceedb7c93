/**
 * Readable, stable ids for Chinese headings. A structural heading keeps its
 * number as written (第一章, 第三节) so URLs read naturally (`#第一章`); any
 * other heading uses its own text with punctuation folded to hyphens.
 */

const STRUCTURAL = /^(第[一二三四五六七八九十百千零〇两\d]+[编章节])/u;

/** The id a heading's text asks for, before de-duplication; e.g. 第一章　总则 → 第一章. */
export function headingSlug(text: string): string {
  const trimmed = text.trim();
  const structural = STRUCTURAL.exec(trimmed);
  if (structural?.[1]) return structural[1];
  const slug = trimmed
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** Hands out unique ids within one document: a repeat gets `-2`, `-3`, … */
export function createSlugger() {
  const seen = new Map<string, number>();
  return (base: string): string => {
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    if (count === 0) return base;
    let candidate = `${base}-${count + 1}`;
    while (seen.has(candidate)) candidate = `${candidate}-1`;
    seen.set(candidate, 1);
    return candidate;
  };
}
