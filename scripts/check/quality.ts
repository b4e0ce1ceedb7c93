/**
 * The quality step of `npm run check`: every `uncertain` flag — a field whose
 * value the importer guessed — as a warning
 * `file:line: field: warning: 需人工核对（label）: note [candidates] (quality/uncertain)`,
 * at the line of the flag (`- kind: uncertain`). Warnings never fail the
 * check: the guess is written and builds; staff confirm or correct it and
 * then remove the flag.
 */
import { fieldLabel } from '../../src/lib/field-labels.ts';
import { lineOfField, lineOfListItem } from '../../src/lib/front-matter-check.ts';
import { QUALITY_FLAG_KINDS } from '../../src/lib/vocabulary.ts';

/** One uncertain flag of one document. */
export interface UncertainWarning {
  file: string;
  line: number;
  /** The field in doubt, e.g. `title`; empty when the flag names none. */
  field: string;
  note: string;
  candidates: string[];
}

/** The uncertain flags of one document's (parsed, not necessarily valid) front matter. */
export function uncertainWarnings(file: string, source: string, data: Record<string, unknown>): UncertainWarning[] {
  const quality = data.quality as { flags?: unknown } | undefined;
  const flags = Array.isArray(quality?.flags) ? (quality.flags as unknown[]) : [];
  const warnings: UncertainWarning[] = [];
  flags.forEach((flag, index) => {
    if (!flag || typeof flag !== 'object') return;
    const { kind, field, note, candidates } = flag as Record<string, unknown>;
    if (kind !== 'uncertain') return;
    warnings.push({
      file,
      line: lineOfListItem(source, 'quality.flags', index) ?? lineOfField(source, 'quality.flags') ?? lineOfField(source, 'quality') ?? 1,
      field: typeof field === 'string' ? field : '',
      note: typeof note === 'string' ? note : '',
      candidates: Array.isArray(candidates) ? candidates.map(String) : [],
    });
  });
  return warnings;
}

/** The warnings one per line, then a count; empty when there are none. */
export function formatUncertainWarnings(warnings: readonly UncertainWarning[]): string {
  if (warnings.length === 0) return '';
  const lines = [...warnings]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map((w) => {
      const what = w.field ? `${QUALITY_FLAG_KINDS.uncertain}（${fieldLabel(w.field)}）` : QUALITY_FLAG_KINDS.uncertain;
      const candidates = w.candidates.length > 0 ? ` [${w.candidates.join(' | ')}]` : '';
      return `${w.file}:${w.line}: ${w.field ? `${w.field}: ` : ''}warning: ${what}: ${w.note}${candidates} (quality/uncertain)`;
    });
  const documents = new Set(warnings.map((w) => w.file)).size;
  return [
    ...lines,
    `${warnings.length} warning(s) in ${documents} document(s): fields the importer guessed (${QUALITY_FLAG_KINDS.uncertain}). Check each against the source, correct it if need be, then remove the flag.`,
  ].join('\n');
}
