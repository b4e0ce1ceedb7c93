/**
 * Checks one document's front matter and reports each problem as
 * `file:line: field: message`, the form staff see in the build and in
 * `npm run check`. Lines are found in the raw text, since YAML keeps none.
 */
import { validateFrontMatter } from '../schemas/document.ts';
import { findDateProblems } from './front-matter-dates.ts';

/** One problem in a document's front matter. */
export interface FrontMatterDiagnostic {
  file: string;
  /** 1-based line of the field in the file; 1 when the problem concerns the whole block. */
  line: number;
  /** Dotted field path, e.g. `source.url`; empty for the document as a whole. */
  field: string;
  message: string;
}

/** The 1-based line where a (possibly nested) front-matter key is written, if it is. */
export function lineOfField(source: string, field: string): number | undefined {
  const lines = source.split(/\r?\n/);
  const parts = field.split('.').filter((part) => !/^\d+$/.test(part));
  let depthIndent = -1;
  let found: number | undefined;
  let start = 1;
  for (const part of parts) {
    found = undefined;
    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '---') return found;
      const match = /^(\s*)(?:-\s+)?([\w-]+):/.exec(line);
      if (!match) continue;
      const indent = match[1]!.length;
      if (indent <= depthIndent && i > start) break;
      if (match[2] === part && indent > depthIndent) {
        found = i + 1;
        depthIndent = indent;
        start = i + 1;
        break;
      }
    }
    if (found === undefined) return undefined;
  }
  return found;
}

/**
 * The 1-based line where item `index` (0-based) of a block list is written,
 * e.g. the `- kind: uncertain` line of `quality.flags` item 2; undefined when
 * the list is not there or is written inline (`flags: [{ … }]`).
 */
export function lineOfListItem(source: string, field: string, index: number): number | undefined {
  const keyLine = lineOfField(source, field);
  if (keyLine === undefined) return undefined;
  const lines = source.split(/\r?\n/);
  const keyIndent = /^(\s*)/.exec(lines[keyLine - 1]!)![1]!.length;
  let itemIndent: number | undefined;
  let seen = -1;
  for (let i = keyLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') break;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = /^(\s*)/.exec(line)![1]!.length;
    const isItem = /^\s*-(\s|$)/.test(line);
    // A list may stand at the key's own indentation (YAML allows `flags:\n- kind: …`).
    if (indent < keyIndent || (indent === keyIndent && !isItem)) break;
    if (!isItem) continue;
    itemIndent ??= indent;
    if (indent !== itemIndent) continue;
    if (++seen === index) return i + 1;
  }
  return undefined;
}

/** Every problem of one file's front matter: dates as typed, then the schema. */
export function checkFrontMatter(file: string, source: string, data: unknown): FrontMatterDiagnostic[] {
  const dates = findDateProblems(source).map((p) => ({ file, line: p.line, field: p.field, message: p.message }));
  if (dates.length > 0) return dates;
  const result = validateFrontMatter(data);
  if (result.ok) return [];
  return result.problems
    .map((problem) => ({
      file,
      line: (problem.field && lineOfField(source, problem.field)) || 1,
      field: problem.field,
      message: problem.message,
    }))
    .sort((a, b) => a.line - b.line);
}

/** Formats diagnostics one per line: `content/a.md:5: status: …`. */
export function formatDiagnostics(diagnostics: readonly FrontMatterDiagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.line}: ${d.field ? `${d.field}: ` : ''}${d.message}`)
    .join('\n');
}
