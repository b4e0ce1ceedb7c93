/**
 * `npm run bench:related [-- --docs N]`: the cost of the citation graph and
 * of related documents on the law corpus (../shared/corpus/laws-full.tar.gz,
 * 3,504 documents; read in place from .bench/, never copied into the
 * repository). Prints, for the whole corpus and for halves and quarters of
 * it, the time of each stage, the candidate pairs scored against all pairs,
 * and peak memory, so growth can be seen to stay near linear.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDocuments, unpackCorpus } from './bench/corpus.ts';
import { buildGraph } from '../src/lib/graph/build.ts';
import { markdownBlocks } from '../src/lib/graph/blocks.ts';
import { relatedDocuments } from '../src/lib/related/related.ts';
import { contentWords, termCounts } from '../src/lib/related/words.ts';
import type { SourceDocument } from '../src/lib/graph/types.ts';

const { values } = parseArgs({ options: { docs: { type: 'string' } } });

/** A corpus law as a graph document: title from `# `, body after the info block, date from the file name. */
function corpusDocument(file: string, n: number): SourceDocument {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const titleLine = lines.findIndex((line) => line.startsWith('# '));
  const infoEnd = lines.findIndex((line) => line.includes('<!-- INFO END -->'));
  const date = /\((\d{4}-\d{2}-\d{2})\)/.exec(path.basename(file))?.[1];
  return {
    id: `bench-${n}`,
    file,
    type: 'rule',
    title: titleLine >= 0 ? lines[titleLine]!.slice(2).trim() : path.basename(file, '.md'),
    aliases: [],
    ...(date ? { date } : {}),
    body: lines.slice(infoEnd >= 0 ? infoEnd + 1 : titleLine + 1).join('\n'),
  };
}

const files = corpusDocuments(unpackCorpus('full'));
const all = files.map(corpusDocument);
const characters = all.reduce((sum, d) => sum + d.body.length, 0);
console.log(`corpus: ${all.length} documents, ${(characters / 1e6).toFixed(1)} M characters`);

const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(2);

const sizes = values.docs ? [Number(values.docs)] : [Math.ceil(all.length / 4), Math.ceil(all.length / 2), all.length];
for (const size of sizes) {
  const docs = all.slice(0, size);
  let started = performance.now();
  const graph = buildGraph(docs, { related: false });
  const graphSeconds = seconds(started);

  started = performance.now();
  const words = docs.map((d) => contentWords(markdownBlocks(d.body).map((b) => b.text).join('\n')));
  const wordsSeconds = seconds(started);

  const targets = new Map<string, Set<string>>(docs.map((d) => [d.id, new Set()]));
  for (const c of graph.citations) {
    if (c.target) targets.get(c.from)!.add(c.target.type === 'document' ? c.target.id : `missing:${c.target.slug}`);
  }
  let stats = { documents: 0, candidatePairs: 0, skippedPostings: 0 };
  started = performance.now();
  const related = relatedDocuments(
    docs.map((d, i) => ({ id: d.id, type: d.type, terms: termCounts(words[i]!), citations: targets.get(d.id)!, entities: new Set(graph.mentions[d.id]) })),
    { onStats: (s) => (stats = s) },
  );
  const relatedSeconds = seconds(started);
  const withRelated = [...related.values()].filter((list) => list.length > 0).length;
  const allPairs = size * (size - 1);
  console.log(
    [
      `\n${size} documents`,
      `  graph (citations, resolution, entities): ${graphSeconds} s — ${graph.citations.length} citations, ${graph.citations.filter((c) => c.status === 'resolved').length} resolved, ${graph.missing.length} missing texts, ${graph.entities.length} entities`,
      `  related: words (jieba) ${wordsSeconds} s + scoring ${relatedSeconds} s`,
      `  candidate pairs scored: ${stats.candidatePairs.toLocaleString('en')} of ${allPairs.toLocaleString('en')} ordered pairs (${((100 * stats.candidatePairs) / allPairs).toFixed(2)} %), ${(stats.candidatePairs / size).toFixed(0)} per document`,
      `  documents with related documents: ${withRelated}`,
    ].join('\n'),
  );
}
console.log(`\npeak memory (RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
