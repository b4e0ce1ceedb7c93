/**
 * A document as one BibTeX entry (`/documents/<id>.bib`), UTF-8, readable by
 * BibTeX styles and by biblatex/Biber alike.
 *
 * Every kind is `@misc`: it is the one type every BibTeX style and biblatex
 * know. biblatex's `@legislation` would suit a rule, but its standard styles
 * print it as `@misc` anyway and classic BibTeX styles (gbt7714 among them)
 * reject it as unknown; the kind is kept in `type` (规则/办法/条例), and RIS
 * and CSL-JSON carry the exact types. Names are wrapped in a second pair of
 * braces so that a body's name is never split into first and last names.
 */
import type { ExportRecord } from './record.ts';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as LaTeX reads it back unchanged: `50%` → `50\%`, `{` → `\{`; Chinese and every other character as they are. */
export function latexEscape(text: string): string {
  return text.replace(/[\\{}%&#$_~^]/g, (char) => SPECIAL[char]!);
}

/** An address for a verbatim `url` field: only what would unbalance its braces or end it is percent-encoded. */
function verbatimUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function field(name: string, value: string): string {
  return `  ${name.padEnd(12)} = {${value}},`;
}

/** The BibTeX entry of a record, ending with a newline; the key is the document id. */
export function toBibtex(record: ExportRecord): string {
  const lines = [`@misc{${record.id},`];
  if (record.creator) lines.push(field('author', `{${latexEscape(record.creator.name)}}`));
  lines.push(field('title', `{${latexEscape(record.title)}}`));
  if (record.subtitle) lines.push(field('subtitle', `{${latexEscape(record.subtitle)}}`));
  lines.push(field('type', latexEscape(record.kindLabel)));
  if (record.docNumber) lines.push(field('howpublished', latexEscape(record.docNumber)));
  if (record.publisher) lines.push(field('organization', `{${latexEscape(record.publisher)}}`));
  if (record.date) {
    // biblatex reads `date` as precise as it is; BibTeX styles read year and month.
    lines.push(field('date', record.date.text));
    lines.push(field('year', String(record.date.year)));
    if (record.date.month !== undefined) lines.push(field('month', String(record.date.month)));
  }
  lines.push(field('url', verbatimUrl(record.url)));
  if (record.accessed) lines.push(field('urldate', record.accessed.text));
  if (record.sourceUrl) lines.push(field('note', `文渊档案：\\url{${verbatimUrl(record.archiveUrl)}}`));
  if (record.keywords.length > 0) lines.push(field('keywords', record.keywords.map(latexEscape).join(', ')));
  lines.push(field('langid', 'chinese'));
  lines.push(field('language', record.language));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
