/**
 * `npm run bench:previews [-- --docs N]`: the bytes a preview card costs, on
 * an archive of N documents made from the law corpus as `bench:scale` makes
 * it (the whole corpus through the real importer, in order, repeated past its
 * end with new ids). Each document's text is rendered by the site's own
 * Markdown pipeline and its preview files made by the build's own code
 * (src/lib/previews/files.ts). Prints min, median, p95 and max bytes of the
 * card files and of the article parts, raw and gzipped, and what a card costs
 * the reader: the card file for a document link, the card file and the one
 * part an article link needs.
 *
 * A repeated document differs from its original only in its id, which no
 * preview file holds, so its files are byte for byte the original's: each
 * corpus document is rendered once and counted as often as it occurs.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { markdownConfigDefaults, parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { importedCorpus } from './bench/archive.ts';
import { unifiedOptions } from '../src/markdown/index.ts';
import { documentSchema } from '../src/schemas/document.ts';
import { previewFileContents } from '../src/lib/previews/files.ts';
import { PREVIEW_BUDGET, type PreviewCard } from '../src/lib/previews/card.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' } } });
const count = Number(values.docs);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--docs must be a positive whole number, got "${values.docs}"`);
  process.exit(2);
}

const corpus = importedCorpus('full');
const renderer = await unified(unifiedOptions).createRenderer(markdownConfigDefaults);

interface Sizes {
  raw: number;
  gzip: number;
}
/** One corpus document's preview files, measured. */
interface Measured {
  card: Sizes;
  parts: Sizes[];
  /** Articles whose sentence is in the card file itself, or in each part. */
  inCard: number;
  perPart: number[];
}

const size = (text: string): Sizes => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

const started = performance.now();
const measured: Measured[] = [];
/** Time spent making the preview files (what the build adds), apart from rendering. */
let previewSeconds = 0;
const unique = Math.min(count, corpus.length);
for (let i = 0; i < unique; i++) {
  const { frontmatter, content } = parseFrontmatter(corpus[i]!.content);
  const data = documentSchema.parse(frontmatter);
  const { code } = await renderer.render(content, { frontmatter });
  const before = performance.now();
  const files = previewFileContents(data, code);
  previewSeconds += (performance.now() - before) / 1000;
  const card = files[0]![1];
  const parts = files.slice(1);
  measured.push({
    card: size(card),
    parts: parts.map(([, text]) => size(text)),
    inCard: Object.keys((JSON.parse(card) as PreviewCard).articles ?? {}).length,
    perPart: parts.map(([, text]) => Object.keys((JSON.parse(text) as { articles: object }).articles).length),
  });
  if ((i + 1) % 500 === 0) console.log(`  ${i + 1} of ${unique} corpus documents rendered`);
}
const seconds = (performance.now() - started) / 1000;

// The archive of `count` documents: the corpus in order, repeated.
const cards: Sizes[] = [];
const parts: Sizes[] = [];
const documentCard: Sizes[] = [];
const articleCard: Sizes[] = [];
let articles = 0;
let split = 0;
for (let i = 0; i < count; i++) {
  const m = measured[i % measured.length]!;
  cards.push(m.card);
  parts.push(...m.parts);
  documentCard.push(m.card);
  if (m.parts.length > 0) split++;
  // Every article link costs the card file, plus its part when the rule is split.
  for (let k = 0; k < m.inCard; k++) articleCard.push(m.card);
  m.parts.forEach((part, k) => {
    for (let a = 0; a < m.perPart[k]!; a++) articleCard.push({ raw: m.card.raw + part.raw, gzip: m.card.gzip + part.gzip });
  });
  articles += m.inCard + m.perPart.reduce((sum, n) => sum + n, 0);
}

function stats(list: Sizes[], key: keyof Sizes): string {
  if (list.length === 0) return 'none';
  const sorted = list.map((s) => s[key]).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `min ${sorted[0]} · median ${at(0.5)} · p95 ${at(0.95)} · max ${sorted[sorted.length - 1]}`;
}
const total = (list: Sizes[]) => list.reduce((sum, s) => sum + s.raw, 0);

const cpus = os.cpus();
console.log(`\npreview files of ${count.toLocaleString('en')} documents (${unique.toLocaleString('en')} corpus documents rendered in ${seconds.toFixed(1)} s, their preview files made in ${previewSeconds.toFixed(1)} s${count > unique ? ', the rest repeats of them' : ''})`);
console.log(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`files: ${cards.length} card files + ${parts.length} article parts (${split} documents split), ${(total(cards) + total(parts)) / 1e6 >= 0.1 ? `${((total(cards) + total(parts)) / 1e6).toFixed(1)} MB` : `${total(cards) + total(parts)} bytes`} in all; ${articles.toLocaleString('en')} articles`);
console.log('bytes per file            raw                                        gzip');
console.log(`  card file (.preview.json)   ${stats(cards, 'raw').padEnd(42)} ${stats(cards, 'gzip')}`);
console.log(`  article part (-k.json)      ${stats(parts, 'raw').padEnd(42)} ${stats(parts, 'gzip')}`);
console.log('bytes a card costs the reader');
console.log(`  link to a document          ${stats(documentCard, 'raw').padEnd(42)} ${stats(documentCard, 'gzip')}`);
console.log(`  link to an article          ${stats(articleCard, 'raw').padEnd(42)} ${stats(articleCard, 'gzip')}`);
const over = articleCard.filter((s) => s.raw > PREVIEW_BUDGET).length + documentCard.filter((s) => s.raw > PREVIEW_BUDGET).length;
console.log(`over the ${PREVIEW_BUDGET}-byte budget: ${over}`);
if (over > 0) process.exitCode = 1;
