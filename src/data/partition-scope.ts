/**
 * What a build renders, from its scope (src/lib/build-paths.ts): every
 * document (the single build), one partition's documents, or none (the
 * hub). Read once in astro.config.mjs and handed to pages and the content
 * loader as `virtual:wenyuan/scope` (src/integrations/partition-scope.ts).
 */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { validateFrontMatter } from '../schemas/document.ts';
import { markdownFiles } from '../lib/files.ts';
import { assignPartitions, parsePartitionConfig, type PartitionConfig, type PartitionFacts } from '../lib/partitions.ts';
import type { BuildScope } from '../lib/build-paths.ts';

/** A document's partition key facts, and the work it is a version of. */
export interface DocumentFacts extends PartitionFacts {
  work?: string;
}

/** The front matter facts of every document with valid front matter, in path order (the build reports the others). */
export function readDocumentFacts(contentDir: string): DocumentFacts[] {
  const out: DocumentFacts[] = [];
  for (const file of markdownFiles(contentDir)) {
    let frontmatter;
    try {
      frontmatter = parseFrontmatter(readFileSync(file, 'utf8')).frontmatter;
    } catch {
      continue;
    }
    const result = validateFrontMatter(frontmatter);
    if (!result.ok) continue;
    const data = result.data as typeof result.data & { work?: string };
    out.push({ id: data.id, file, type: data.type, ...(data.region ? { region: data.region } : {}), ...(data.date ? { date: data.date } : {}), ...(data.work ? { work: data.work } : {}) });
  }
  return out;
}

/** Reads and checks a partitions file. */
export function loadPartitionConfig(file: string): PartitionConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the partitions file: ${(error as Error).message}`);
  }
  return parsePartitionConfig(json, file);
}

/** Each partition's documents; throws listing every document in no partition or in several. */
export function partitionMembers(config: PartitionConfig, facts: readonly DocumentFacts[]): Map<string, string[]> {
  const { members, problems } = assignPartitions(config, facts);
  if (problems.length > 0) {
    throw new Error(`Every document must be in exactly one partition; fix the partitions file or these documents:\n${problems.map((p) => p.message).join('\n')}`);
  }
  return members;
}

/** What the pages and the content loader of one build need to know of its scope. */
export interface ResolvedScope {
  kind: BuildScope['kind'];
  /** The partition's name. */
  name?: string;
  /** Ids whose pages this build makes; null: every document. */
  owned: string[] | null;
  /** Ids whose Markdown this build renders (its own, and the other versions of their rules, which comparisons read); null: every document. */
  rendered: string[] | null;
}

/** Resolves a build's scope against the content folder and the partitions file. */
export function resolveScope(scope: BuildScope, contentDir: string, configFile: string): ResolvedScope {
  if (scope.kind === 'all') return { kind: 'all', owned: null, rendered: null };
  const facts = readDocumentFacts(contentDir);
  const members = partitionMembers(loadPartitionConfig(configFile), facts);
  if (scope.kind === 'hub') return { kind: 'hub', owned: [], rendered: [] };
  const owned = members.get(scope.name);
  if (!owned) throw new Error(`${configFile}: no partition named "${scope.name}" (partitions: ${[...members.keys()].join(', ')})`);
  const own = new Set(owned);
  const works = new Set(facts.filter((f) => own.has(f.id) && f.work).map((f) => f.work));
  const rendered = facts.filter((f) => own.has(f.id) || (f.type === 'rule' && f.work && works.has(f.work))).map((f) => f.id);
  return { kind: 'partition', name: scope.name, owned, rendered };
}
