/**
 * YAML turns `date: 2023-13-01` into 2024-01-01 without a word, so the schema
 * never sees the mistake. This check reads date fields as the staff member
 * typed them, before YAML does, and names the line.
 */
import { parsePartialDate } from './partial-date.ts';

/** Front-matter keys whose values are partial dates. */
export const DATE_FIELDS = ['date', 'effective', 'adopted', 'retrieved'] as const;

/** A date written wrongly in front matter. */
export interface DateProblem {
  /** 1-based line in the file. */
  line: number;
  /** The key, e.g. `date`. */
  field: string;
  message: string;
}

const FIELD_LINE = new RegExp(`^(\\s*)(${DATE_FIELDS.join('|')}):[ \\t]*(.*?)[ \\t]*$`);

/** Checks the date fields of a Markdown file's front matter; returns every problem found. */
export function findDateProblems(source: string): DateProblem[] {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return [];
  const problems: DateProblem[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') break;
    const match = FIELD_LINE.exec(line);
    if (!match) continue;
    const raw = match[3]!.replace(/\s+#.*$/, '');
    const value = raw.replace(/^(['"])(.*)\1$/, '$2');
    if (value === '' || value === '~' || value === 'null') continue;
    const parsed = parsePartialDate(value);
    if ('error' in parsed) problems.push({ line: i + 1, field: match[2]!, message: parsed.error });
  }
  return problems;
}
