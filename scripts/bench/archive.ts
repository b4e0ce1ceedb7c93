/**
 * Archives for benchmarks and the search evaluation, made from the law corpus
 * by the real importer (so they have the front matter and body shape staff
 * would commit), cached in .bench/ and written out with as many copies as a
 * benchmark asks for (copies past the corpus size get new ids).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runImport } from '../../src/importer/run.ts';
import { markdownFiles } from '../../src/lib/files.ts';
import { corpusDocuments, unpackCorpus } from './corpus.ts';

/** One imported document: where it goes under content/ and its Markdown. */
export interface ArchiveDocument {
  relativePath: string;
  content: string;
}

/** Imports the whole subset or full corpus once (cached as JSON in .bench/). */
export function importedCorpus(which: 'full' | 'subset', cacheRoot = '.bench'): ArchiveDocument[] {
  const cache = path.resolve(cacheRoot, `imported-${which}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as ArchiveDocument[];
  const files = corpusDocuments(unpackCorpus(which, cacheRoot));
  const documents: ArchiveDocument[] = [];
  const reports = runImport(
    files,
    { overrides: {}, force: true, dryRun: false, today: '2025-04-19' },
    {
      read: (file) => readFileSync(file),
      write: (relativePath, content) => {
        documents.push({ relativePath, content });
        return { written: true as const, file: relativePath };
      },
    },
  );
  const failed = reports.filter((report) => report.status === 'failed');
  if (failed.length > 0) console.warn(`${failed.length} corpus files did not import, e.g. ${failed[0]!.reason}`);
  mkdirSync(path.dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify(documents));
  return documents;
}

/**
 * Writes `count` documents into `contentDir`: the imported corpus in order,
 * repeated past its end with `-copy-N` ids so every id stays unique.
 * Returns the Markdown bytes written.
 */
export function writeArchive(contentDir: string, documents: readonly ArchiveDocument[], count: number): { bytes: number } {
  let bytes = 0;
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const doc = documents[i % documents.length]!;
    const copy = Math.floor(i / documents.length);
    let content = doc.content;
    let relativePath = doc.relativePath;
    if (copy > 0) {
      content = content.replace(/^id: (.+)$/m, `id: $1-copy-${copy}`);
      relativePath = relativePath.replace(/\.md$/, `-copy-${copy}.md`);
    }
    const file = path.join(contentDir, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    bytes += Buffer.byteLength(content);
  }
  return { bytes };
}

/** Copies every Markdown document of `from` (e.g. content/, the seeds) into `to`. */
export function copyDocuments(from: string, to: string): number {
  const sources = markdownFiles(from);
  for (const source of sources) cpSync(source, path.join(to, 'seeds', path.relative(from, source)));
  return sources.length;
}

/**
 * A fresh benchmark folder `.bench/<name>` with `count` corpus documents in
 * its `content/`; returns the paths, the Markdown bytes and the seconds it took.
 */
export function freshArchive(name: string, count: number): { work: string; contentDir: string; bytes: number; seconds: number } {
  const work = path.resolve('.bench', name);
  rmSync(work, { recursive: true, force: true });
  const contentDir = path.join(work, 'content');
  const started = performance.now();
  const { bytes } = writeArchive(contentDir, importedCorpus('full'), count);
  return { work, contentDir, bytes, seconds: (performance.now() - started) / 1000 };
}
