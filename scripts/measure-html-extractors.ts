/**
 * `npm run bench:html-extract`: how much real text and how much page chrome
 * two main-content choices keep on the HTML inputs we have:
 *
 * - current: the importer's own extractor (htmlToUnits: chrome elements by
 *   tag and class/id, link lists), then the extract stage's line rules;
 * - readability: @mozilla/readability (linkedom as the DOM) picks the
 *   article, and its content goes through the same extractor and rules.
 *
 * Inputs: the seeds of ../shared/seeds that are HTML, the pages of
 * ../shared/real-pages/pages that are HTML (known strings: body_present and
 * body_absent of expected.json), and the fixtures under
 * tests/fixtures/importer/extract/ that carry a measure.json (content,
 * chrome and metadata strings written with the fixture). A seed has no
 * expected strings; its content strings are the text of its <span> and <p>
 * elements and of the text outside them (the seed is all document).
 *
 * Two levels per choice: "units" is the text the main-content choice keeps
 * before any line rule; "extract" is the body after the extract stage's line
 * rules (breadcrumb, share bar, copyright … lines go), which is what the
 * importer writes. Metadata counts the known metadata values that reach the
 * front matter (or at least the body) rather than being dropped. Strings are
 * compared after removing whitespace and folding full- and half-width forms
 * (NFKC), as ../shared/real-pages/README.md asks. Exit 0 always: it measures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import { decode } from '../src/importer/stages/decode.ts';
import { extract } from '../src/importer/stages/extract.ts';
import { htmlToUnits, looksLikeHtml } from '../src/importer/stages/extract-html.ts';
import { inlineText, tableText } from '../src/importer/stages/units.ts';
import type { Block } from '../src/importer/types.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEEDS = join(ROOT, '../shared/seeds');
const REAL = join(ROOT, '../shared/real-pages');
const FIXTURES = join(ROOT, 'tests/fixtures/importer/extract');

interface Input {
  name: string;
  html: string;
  content: string[];
  chrome: string[];
  metadata: string[];
}

/** Comparison form: no whitespace, full/half-width folded. */
const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g, '');

function readText(path: string): string | undefined {
  const decoded = decode(readFileSync(path));
  return decoded.ok ? decoded.text : undefined;
}

/** Text of the seed's elements that hold its paragraphs, and of the text between them. */
function seedStrings(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  const out: string[] = [];
  const textOf = (n: Nodes): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(textOf).join('') : '');
  const walk = (n: Nodes) => {
    if (n.type === 'text' && n.value.trim()) out.push(n.value.trim());
    else if (n.type === 'element' && (n.tagName === 'span' || n.tagName === 'p')) {
      if (textOf(n).trim()) out.push(textOf(n).trim());
    } else if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

function collectInputs(): { inputs: Input[]; notes: string[] } {
  const inputs: Input[] = [];
  const notes: string[] = [];
  if (existsSync(SEEDS)) {
    const files = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
    let html = 0;
    for (const f of files) {
      const text = readText(join(SEEDS, f));
      if (text === undefined || !looksLikeHtml(text)) continue;
      html++;
      inputs.push({ name: `seed ${f.slice(0, 3)}`, html: text, content: seedStrings(text).slice(1), chrome: [], metadata: [] });
    }
    notes.push(`seeds: ${html} of ${files.length} are HTML (the first text of a seed, its title, is left out of the content strings)`);
  }
  if (existsSync(join(REAL, 'expected.json'))) {
    const expected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as Record<string, { body_present?: string[]; body_absent?: string[] }>;
    let html = 0;
    for (const [page, e] of Object.entries(expected)) {
      const path = join(REAL, page);
      if (!existsSync(path)) continue;
      const text = readText(path);
      if (text === undefined || !looksLikeHtml(text)) continue;
      html++;
      inputs.push({ name: `real ${page.replace(/^pages\//, '').slice(0, 40)}`, html: text, content: e.body_present ?? [], chrome: e.body_absent ?? [], metadata: [] });
    }
    notes.push(`real pages: ${html} of ${Object.keys(expected).length} are HTML (the others are text copies and are not measured here)`);
  }
  for (const name of readdirSync(FIXTURES).sort()) {
    const measure = join(FIXTURES, name, 'measure.json');
    const input = readdirSync(join(FIXTURES, name)).find((f) => f.startsWith('input.'));
    if (!existsSync(measure) || !input) continue;
    const m = JSON.parse(readFileSync(measure, 'utf8')) as { content: string[]; chrome: string[]; metadata?: string[] };
    inputs.push({ name: `fixture ${name}`, html: readFileSync(join(FIXTURES, name, input), 'utf8'), content: m.content, chrome: m.chrome, metadata: m.metadata ?? [] });
  }
  return { inputs, notes };
}

const blockText = (b: Block) => (b.rows ? tableText(b.rows) : inlineText(b.inlines));

interface Outcome {
  units: string;
  body: string;
  metadata: string;
}

function current(html: string): Outcome {
  const converted = htmlToUnits(html);
  const units = converted.units.map((u) => (u.type === 'line' ? inlineText(u.inlines) : u.type === 'table' ? tableText(u.rows) : '')).join('\n');
  const extracted = extract(html);
  return { units, body: extracted.blocks.map(blockText).join('\n'), metadata: extracted.metadata.map((m) => m.text).join('\n') };
}

function readability(html: string): Outcome {
  const page = /<(!doctype|html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const article = new Readability(document as unknown as Document).parse();
  const content = article?.content ?? '';
  if (!content) return { units: '', body: '', metadata: '' };
  const converted = htmlToUnits(content);
  const units = converted.units.map((u) => (u.type === 'line' ? inlineText(u.inlines) : u.type === 'table' ? tableText(u.rows) : '')).join('\n');
  const extracted = extract(content);
  return { units, body: extracted.blocks.map(blockText).join('\n'), metadata: extracted.metadata.map((m) => m.text).join('\n') };
}

/** Characters (folded) of the strings found in `text`. */
function found(strings: string[], text: string): number {
  const t = fold(text);
  return strings.reduce((n, s) => n + (t.includes(fold(s)) ? fold(s).length : 0), 0);
}
const total = (strings: string[]) => strings.reduce((n, s) => n + fold(s).length, 0);

const { inputs, notes } = collectInputs();
const choices = { current, readability } as const;
type Row = { input: string; choice: string; content: [number, number]; contentUnits: number; chrome: [number, number]; chromeUnits: number; meta: [number, number] };
const rows: Row[] = [];
for (const input of inputs) {
  for (const [choice, run] of Object.entries(choices)) {
    const out = run(input.html);
    rows.push({
      input: input.name,
      choice,
      content: [found(input.content, out.body), total(input.content)],
      contentUnits: found(input.content, out.units),
      chrome: [found(input.chrome, out.body), total(input.chrome)],
      chromeUnits: found(input.chrome, out.units),
      meta: [found(input.metadata, `${out.metadata}\n${out.body}`), total(input.metadata)],
    });
  }
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
console.log(`measure-html-extractors — ${inputs.length} HTML inputs`);
for (const note of notes) console.log(`  ${note}`);
console.log('\ncharacters (whitespace removed, NFKC-folded) of known strings kept; "units" = after the main-content choice, "body" = after the extract stage\'s line rules too\n');
console.log('| input | choice | content kept (units) | content kept (body) | of | chrome kept (units) | chrome kept (body) | of | metadata kept | of |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.input} | ${r.choice} | ${r.contentUnits} | ${r.content[0]} | ${r.content[1]} | ${r.chromeUnits} | ${r.chrome[0]} | ${r.chrome[1]} | ${r.meta[0]} | ${r.meta[1]} |`);
}
console.log('\n| choice | content kept (units) | content kept (body) | chrome kept (units) | chrome kept (body) | metadata kept |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const choice of Object.keys(choices)) {
  const mine = rows.filter((r) => r.choice === choice);
  const sum = (f: (r: Row) => number) => mine.reduce((n, r) => n + f(r), 0);
  const content = sum((r) => r.content[1]);
  const chrome = sum((r) => r.chrome[1]);
  const meta = sum((r) => r.meta[1]);
  console.log(
    `| ${choice} | ${sum((r) => r.contentUnits)} / ${content} (${pct(sum((r) => r.contentUnits), content)}) | ${sum((r) => r.content[0])} / ${content} (${pct(sum((r) => r.content[0]), content)}) | ${sum((r) => r.chromeUnits)} / ${chrome} (${pct(sum((r) => r.chromeUnits), chrome)}) | ${sum((r) => r.chrome[0])} / ${chrome} (${pct(sum((r) => r.chrome[0]), chrome)}) | ${sum((r) => r.meta[0])} / ${meta} (${pct(sum((r) => r.meta[0]), meta)}) |`,
  );
}
// The list-page figure beside the documents: a column page of links is not measured for content.
console.log('\nlink density of the main content (htmlToUnits: share of text characters inside <a href>, number of links)\n');
console.log('| input | text in links | links |');
console.log('| --- | ---: | ---: |');
const listed = [...inputs.map((i) => ({ name: i.name, html: i.html }))];
for (const name of readdirSync(FIXTURES).sort()) {
  const file = join(FIXTURES, name, 'input.html');
  if (existsSync(file) && !existsSync(join(FIXTURES, name, 'measure.json'))) listed.push({ name: `fixture ${name}`, html: readFileSync(file, 'utf8') });
}
for (const { name, html } of listed) {
  const { links } = htmlToUnits(html);
  console.log(`| ${name} | ${(100 * links.textShare).toFixed(1)} % | ${links.count} |`);
}
console.log(`\n(inputs read from ${[SEEDS, REAL, FIXTURES].map((p) => relative(process.cwd(), p) || '.').join(', ')})`);
