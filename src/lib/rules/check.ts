/**
 * What `npm run check` says about rules: structure problems of each rule
 * (duplicate article numbers, gaps, 款 references beyond an article's
 * paragraphs, references with no target) and inconsistent versions of a work
 * (two versions 现行有效, a newer one 已修订). Each finding has a file, a line,
 * the article or field it concerns, a rule id and a message staff can act on.
 * Errors fail the check; warnings are listed (a gap can be in the source).
 */
import type { RuleStructure } from './structure.ts';
import { versionProblems, type VersionFacts } from './versions.ts';

/** One finding about a rule. */
export interface RuleDiagnostic {
  file: string;
  line: number;
  /** The article (第九条) or front-matter field (status) concerned. */
  field: string;
  message: string;
  ruleId: string;
  severity: 'error' | 'warning';
}

/** Findings of one rule's structure; notes (a code part starting at 第二百零五条, a repeated table of contents) are left out. */
export function structureDiagnostics(file: string, structure: RuleStructure): RuleDiagnostic[] {
  return structure.problems.flatMap((p) =>
    p.severity === 'note' ? [] : [{ file, line: p.line ?? 1, field: p.label, message: p.message, ruleId: p.ruleId, severity: p.severity }],
  );
}

/** A version of a work as the check sees it: its file, the line of a field, and its facts. */
export interface CheckedVersion extends VersionFacts {
  file: string;
  work: string;
  /** 1-based line of a front-matter field in the file, if written. */
  lineOf: (field: string) => number | undefined;
}

/** Findings about the versions of each work. */
export function workDiagnostics(versions: readonly CheckedVersion[]): RuleDiagnostic[] {
  const byWork = new Map<string, CheckedVersion[]>();
  for (const v of versions) byWork.set(v.work, [...(byWork.get(v.work) ?? []), v]);
  const out: RuleDiagnostic[] = [];
  for (const [work, list] of byWork) {
    for (const problem of versionProblems(work, list)) {
      const v = list.find((x) => x.id === problem.id)!;
      out.push({ file: v.file, line: v.lineOf(problem.field) ?? v.lineOf('work') ?? 1, field: problem.field, message: problem.message, ruleId: 'rule/versions', severity: 'error' });
    }
  }
  return out;
}

/** `content/x.md:40: 第九条: warning: … (rule/numbering-gap)`, one per line. */
export function formatRuleDiagnostics(diagnostics: readonly RuleDiagnostic[]): string {
  return [...diagnostics]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map((d) => `${d.file}:${d.line}: ${d.field ? `${d.field}: ` : ''}${d.severity === 'warning' ? 'warning: ' : ''}${d.message} (${d.ruleId})`)
    .join('\n');
}
