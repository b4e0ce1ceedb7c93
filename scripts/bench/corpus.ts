/**
 * The law corpus in ../shared/corpus, unpacked once into .bench/ (never into
 * the repository), and turned into archive documents for benchmarks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where the shared corpus archives are. */
export const CORPUS_DIR = path.resolve(process.env.WENYUAN_CORPUS_DIR ?? '../shared/corpus');

/** Unpacks `laws-full.tar.gz` or `laws-subset.tar.gz` into .bench/ once; returns its folder. */
export function unpackCorpus(which: 'full' | 'subset', cacheRoot = '.bench'): string {
  const target = path.resolve(cacheRoot, `corpus-${which}`);
  const done = path.join(target, '.unpacked');
  if (!existsSync(done)) {
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['xzf', path.join(CORPUS_DIR, `laws-${which}.tar.gz`), '-C', target]);
    execFileSync('touch', [done]);
  }
  return target;
}

/** Every law document of an unpacked corpus, in a stable order (path order). */
export function corpusDocuments(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      // Two corpus files lack the .md ending; the template and READMEs are not laws.
      else if (!/\.(sqlite3|json|tsv|txt|ya?ml)$/.test(name) && !/^(README|法律法规模版|_index\.md|SUBSET_)/.test(name)) out.push(full);
    }
  };
  walk(root);
  return out;
}
