/**
 * `npm run new -- rule "<标题>"` scaffolds a rule; `npm run new -- revision <id>`
 * makes the next version of a rule from the current one. Arguments and files
 * only: the documents are written by src/new/rule.ts and src/new/revision.ts.
 * Exit 0: written; 1: could not (the reason is printed); 2: bad arguments.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { newRuleDocument } from '../src/new/rule.ts';
import { reviseRule } from '../src/new/revision.ts';
import { isPartialDate } from '../src/lib/partial-date.ts';
import { contentDir } from '../src/lib/build-paths.ts';
import { markdownFiles } from '../src/lib/files.ts';

const USAGE = `usage:
  npm run new -- rule "<标题>" [--date YYYY-MM-DD]
      a new rule (规则/办法/条例) with front matter and the skeleton 第一章　总则 / 第一条
  npm run new -- revision <document id> [--adopted YYYY-MM-DD] [--effective YYYY-MM-DD]
      the next version of a rule: same work, title and text to edit; the current
      version becomes 已修订 once the new one is in effect

  --dir <folder>   content folder (default: content/, or WENYUAN_CONTENT_DIR)
  --today <date>   today's date (default: the system date)`;

function fail(message: string, code = 1): never {
  process.stderr.write(`new: ${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      adopted: { type: 'string' },
      effective: { type: 'string' },
      dir: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [kind, subject, ...extra] = positionals;
if (!kind || !subject || extra.length > 0 || (kind !== 'rule' && kind !== 'revision')) fail(USAGE, 2);
for (const name of ['date', 'adopted', 'effective', 'today'] as const) {
  const value = values[name];
  if (value !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && isPartialDate(value))) fail(`--${name} "${value}" is not a date: use YYYY-MM-DD`, 2);
}
const dir = values.dir ?? contentDir();
const today = values.today ?? new Date().toISOString().slice(0, 10);

function write(relative: string, source: string): string {
  const file = path.join(dir, relative);
  if (existsSync(file)) fail(`${file} already exists; nothing written`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
  return file;
}

function findDocument(id: string): string {
  const found = markdownFiles(dir).filter((file) => {
    try {
      return parseFrontmatter(readFileSync(file, 'utf8')).frontmatter.id === id;
    } catch {
      return false;
    }
  });
  if (found.length === 0) fail(`no document with id ${id} under ${dir}/`);
  if (found.length > 1) fail(`id ${id} is used by ${found.join(' and ')}; run npm run check`);
  return found[0]!;
}

try {
  if (kind === 'rule') {
    const doc = newRuleDocument(subject, values.date ?? today);
    const file = write(doc.path, doc.source);
    console.log(`written ${file}\n  id ${doc.id}\n  fill in issuer, region, doc_number and the text, then: npm run check`);
  } else {
    const currentFile = findDocument(subject);
    const revision = reviseRule(readFileSync(currentFile, 'utf8'), { adopted: values.adopted ?? today, ...(values.effective ? { effective: values.effective } : {}), today });
    const file = write(revision.next.path, revision.next.source);
    writeFileSync(currentFile, revision.current);
    console.log(`written ${file}\n  id ${revision.next.id}, work ${revision.work}\n  updated ${currentFile} (work, status)\n  edit the new version's text, then: npm run check`);
  }
} catch (error) {
  fail((error as Error).message);
}
