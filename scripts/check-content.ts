/**
 * `npm run check [-- [--as-build] <folder>]`: checks every document's front matter and ids
 * without building, and lists every problem as file:line: field: message.
 * Exits 1 when there is any problem, so it can guard a commit. It also lists
 * cited texts not in the archive and citations left unlinked (warnings, see
 * check/citations.ts), and fields the importer guessed, its `uncertain`
 * quality flags (warnings, see check/quality.ts). In `.mdx` documents, what
 * the MDX compiler refuses and forbidden elements stop the build, so they are
 * errors here too (check/mdx.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { checkFrontMatter, formatDiagnostics, lineOfField, type FrontMatterDiagnostic } from '../src/lib/front-matter-check.ts';
import { createIdRegistry } from '../src/lib/document-id.ts';
import { contentDir } from '../src/lib/build-paths.ts';
import { markdownFiles } from '../src/lib/files.ts';
import { formatRuleDiagnostics, structureDiagnostics, workDiagnostics, type CheckedVersion, type RuleDiagnostic } from '../src/lib/rules/check.ts';
import { createRuleReader } from '../src/markdown/read-rule.ts';
import { citationReport } from './check/citations.ts';
import { formatUncertainWarnings, uncertainWarnings, type UncertainWarning } from './check/quality.ts';
import { mdxDiagnostics } from './check/mdx.ts';

// `--as-build`: fail only on what stops the build; the rule errors the build
// lets through with a warning (a duplicate article number, two versions of one
// work both 现行有效) are then listed as warnings. The pre-commit hook uses it.
const args = process.argv.slice(2);
const asBuild = args.includes('--as-build');
const unknown = args.filter((a) => a.startsWith('--') && a !== '--as-build');
if (unknown.length > 0) {
  console.error(`npm run check: unknown option ${unknown.join(' ')} (options: --as-build)`);
  process.exit(2);
}
const root = args.find((a) => !a.startsWith('--')) ?? contentDir();

const files = markdownFiles(root);
const registry = createIdRegistry(root);
const diagnostics: FrontMatterDiagnostic[] = [];
// Rules: structure and versions (errors fail the check, warnings are listed).
const ruleDiagnostics: RuleDiagnostic[] = [];
const versions: CheckedVersion[] = [];
// Fields the importer guessed (quality flag `uncertain`): warnings, never a failure.
const uncertain: UncertainWarning[] = [];
const readRule = await createRuleReader();
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  let data: Record<string, unknown>;
  let body: string;
  try {
    // Front matter becomes empty lines, so line numbers in the body are the file's.
    ({ frontmatter: data, content: body } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' }));
  } catch (error) {
    diagnostics.push({ file, line: 1, field: '', message: `front matter is not valid YAML: ${(error as Error).message}` });
    continue;
  }
  const frontMatterProblems = checkFrontMatter(file, source, data);
  diagnostics.push(...frontMatterProblems);
  if (file.endsWith('.mdx')) diagnostics.push(...(await mdxDiagnostics(file, body)));
  uncertain.push(...uncertainWarnings(file, source, data));
  if (data.type === 'rule' && frontMatterProblems.length === 0) {
    const structure = await readRule(body, data);
    if (structure) ruleDiagnostics.push(...structureDiagnostics(file, structure));
    if (typeof data.work === 'string') {
      const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === undefined ? undefined : String(value));
      versions.push({
        file, work: data.work, id: String(data.id), title: String(data.title), date: text(data.date), adopted: text(data.adopted),
        effective: text(data.effective), status: data.status as CheckedVersion['status'], lineOf: (field) => lineOfField(source, field),
      });
    }
  }
  try {
    registry.claim(path.relative(root, file), data.id);
  } catch (error) {
    diagnostics.push({ file, line: lineOfField(source, 'id') ?? 1, field: 'id', message: (error as Error).message.replace(/^[^:]+: /, '') });
  }
}

console.log(`${citationReport(root).text}\n`);

ruleDiagnostics.push(...workDiagnostics(versions));
const ruleErrors = asBuild ? [] : ruleDiagnostics.filter((d) => d.severity === 'error');
const ruleWarnings = ruleDiagnostics.filter((d) => d.severity === 'warning' || asBuild);
if (ruleWarnings.length > 0) {
  console.warn(formatRuleDiagnostics(ruleWarnings));
  console.warn(`${ruleWarnings.length} warning(s) in rules: numbering gaps and references that link nowhere. Fix typing errors; leave what the source says.\n`);
}
if (uncertain.length > 0) console.warn(`${formatUncertainWarnings(uncertain)}\n`);
if (diagnostics.length > 0 || ruleErrors.length > 0) {
  if (diagnostics.length > 0) console.error(formatDiagnostics(diagnostics));
  if (ruleErrors.length > 0) console.error(formatRuleDiagnostics(ruleErrors));
  diagnostics.push(...ruleErrors.map(({ file, line, field, message }) => ({ file, line, field, message })));
  console.error(`\n${diagnostics.length} problem(s) in ${new Set(diagnostics.map((d) => d.file)).size} of ${files.length} documents.`);
  process.exit(1);
}
console.log(`${files.length} documents checked: no problems.`);
