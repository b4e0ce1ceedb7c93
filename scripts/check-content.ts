/**
 * `npm run check [-- <folder>]`: checks every document's front matter and ids
 * without building, and lists every problem as file:line: field: message.
 * Exits 1 when there is any problem, so it can guard a commit. It also lists
 * cited texts not in the archive and citations left unlinked (warnings, see
 * check/citations.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { checkFrontMatter, formatDiagnostics, lineOfField, type FrontMatterDiagnostic } from '../src/lib/front-matter-check.ts';
import { createIdRegistry } from '../src/lib/document-id.ts';
import { citationReport } from './check/citations.ts';

const root = process.argv[2] ?? process.env.WENYUAN_CONTENT_DIR ?? 'content';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(full);
      return /\.mdx?$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

const files = markdownFiles(root);
const registry = createIdRegistry(root);
const diagnostics: FrontMatterDiagnostic[] = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  let data: Record<string, unknown>;
  try {
    data = parseFrontmatter(source).frontmatter;
  } catch (error) {
    diagnostics.push({ file, line: 1, field: '', message: `front matter is not valid YAML: ${(error as Error).message}` });
    continue;
  }
  diagnostics.push(...checkFrontMatter(file, source, data));
  try {
    registry.claim(path.relative(root, file), data.id);
  } catch (error) {
    diagnostics.push({ file, line: lineOfField(source, 'id') ?? 1, field: 'id', message: (error as Error).message.replace(/^[^:]+: /, '') });
  }
}

console.log(`${citationReport(root).text}\n`);

if (diagnostics.length > 0) {
  console.error(formatDiagnostics(diagnostics));
  console.error(`\n${diagnostics.length} problem(s) in ${new Set(diagnostics.map((d) => d.file)).size} of ${files.length} documents.`);
  process.exit(1);
}
console.log(`${files.length} documents checked: no problems.`);
