/**
 * Partitions of a large archive (README, "Beyond one machine"): each
 * document belongs to exactly one partition, chosen by a stable key of its
 * front matter — a region prefix (北京市), a year range, a type — so that
 * each partition's pages and search shards can be built on a machine of its
 * own and merged into one site by the hub build.
 *
 * Framework-free and browser-safe: the search page uses
 * {@link partitionsForFilters} to load only the shards a filter can match.
 */
import { UNKNOWN_VALUE } from './facets.ts';
import { yearOf } from './partial-date.ts';

/** The file that defines the partitions, at the project root by default (WENYUAN_PARTITIONS_FILE). */
export const PARTITIONS_FILE = 'wenyuan.partitions.json';

/**
 * What a document must have to belong to a partition: every key given must
 * match (keys left out match everything).
 */
export interface PartitionKey {
  /** Region prefixes: `["北京市"]` takes 北京市 and 北京市海淀区. */
  regions?: string[];
  /** A document without `region` belongs here too (with `regions`). */
  withoutRegion?: boolean;
  /** Years of the document's `date`, both ends included: `{ "from": 2023 }`, `{ "to": 2022 }`. */
  years?: { from?: number; to?: number };
  /** A document without a year (no `date`) belongs here too (with `years`). */
  undated?: boolean;
  /** Document types: `["rule", "opinion"]`. */
  types?: string[];
}

/** One partition: a name (used in folder names: `pagefind-<name>/`) and its key. */
export interface Partition extends PartitionKey {
  /** Lowercase letters, digits and hyphens, starting with a letter, not ending in `-<digits>`: `beijing`, `from2023`. */
  name: string;
}

/** The contents of {@link PARTITIONS_FILE}. */
export interface PartitionConfig {
  partitions: Partition[];
}

/** The front matter fields a partition key reads. */
export interface PartitionFacts {
  id: string;
  /** The document's file, to name it in problems. */
  file?: string;
  type: string;
  region?: string;
  date?: string;
}

const NAME = /^[a-z][a-z0-9-]*$/;
const KEYS = new Set(['name', 'regions', 'withoutRegion', 'years', 'undated', 'types']);

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0);
}

/**
 * Reads a partition file's JSON; throws one error listing every problem
 * (`wenyuan.partitions.json: partitions[1].years.from: …`).
 */
export function parsePartitionConfig(json: unknown, file = PARTITIONS_FILE): PartitionConfig {
  const problems: string[] = [];
  const list = (json as { partitions?: unknown } | null)?.partitions;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`${file}: partitions: expected a non-empty list of { "name": …, and a key: regions, years or types }`);
  }
  const names = new Set<string>();
  list.forEach((raw: unknown, i) => {
    const at = `${file}: partitions[${i}]`;
    if (typeof raw !== 'object' || raw === null) return problems.push(`${at}: expected an object`);
    const p = raw as Record<string, unknown>;
    for (const key of Object.keys(p)) if (!KEYS.has(key)) problems.push(`${at}.${key}: unknown field (known: ${[...KEYS].join(', ')})`);
    // Not ending in -<digits>: shard folders are pagefind-<name>-<n>, so beijing-2 would clash with shard 2 of beijing.
    if (typeof p.name !== 'string' || !NAME.test(p.name) || /-\d+$/.test(p.name)) problems.push(`${at}.name: lowercase letters, digits and hyphens, starting with a letter, not ending in -<digits>`);
    else if (names.has(p.name)) problems.push(`${at}.name: "${p.name}" is used twice`);
    else names.add(p.name);
    if (p.regions !== undefined && !isStringList(p.regions)) problems.push(`${at}.regions: a non-empty list of region prefixes`);
    if (p.types !== undefined && !isStringList(p.types)) problems.push(`${at}.types: a non-empty list of document types`);
    if (p.years !== undefined) {
      const years = p.years as Record<string, unknown> | null;
      const ok = typeof years === 'object' && years !== null && Object.keys(years).every((k) => (k === 'from' || k === 'to') && Number.isInteger(years[k]));
      if (!ok) problems.push(`${at}.years: { "from": year, "to": year }, either end may be left out`);
    }
    for (const flag of ['withoutRegion', 'undated'] as const) if (p[flag] !== undefined && typeof p[flag] !== 'boolean') problems.push(`${at}.${flag}: true or false`);
    if (p.regions === undefined && p.years === undefined && p.types === undefined) problems.push(`${at}: give a key (regions, years or types); a partition without one would hold every document`);
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { partitions: list as Partition[] };
}

/** Whether a document's facts match a partition's key. */
export function matchesPartition(key: PartitionKey, doc: PartitionFacts): boolean {
  if (key.types && !key.types.includes(doc.type)) return false;
  if (key.regions) {
    const region = doc.region;
    if (region === undefined ? !key.withoutRegion : !key.regions.some((prefix) => region.startsWith(prefix))) return false;
  }
  if (key.years) {
    const year = yearOf(doc.date);
    if (year === undefined) return key.undated === true;
    if ((key.years.from !== undefined && year < key.years.from) || (key.years.to !== undefined && year > key.years.to)) return false;
  }
  return true;
}

/** A document in no partition, or in more than one. */
export interface PartitionProblem {
  id: string;
  file?: string;
  /** `content/2023/x.md: 2023-…: in no partition (region 北京市海淀区, year 2023, type rule)`. */
  message: string;
}

/** Which documents each partition holds (ids in the given order), and every document in none or in several. */
export function assignPartitions(config: PartitionConfig, docs: readonly PartitionFacts[]): { members: Map<string, string[]>; problems: PartitionProblem[] } {
  const members = new Map(config.partitions.map((p) => [p.name, [] as string[]]));
  const problems: PartitionProblem[] = [];
  for (const doc of docs) {
    const found = config.partitions.filter((p) => matchesPartition(p, doc));
    const where = `${doc.file ?? doc.id}: ${doc.id}`;
    const facts = `region ${doc.region ?? '—'}, year ${yearOf(doc.date) ?? '—'}, type ${doc.type}`;
    if (found.length === 1) members.get(found[0]!.name)!.push(doc.id);
    else if (found.length === 0) problems.push({ id: doc.id, ...(doc.file ? { file: doc.file } : {}), message: `${where}: in no partition (${facts})` });
    else problems.push({ id: doc.id, ...(doc.file ? { file: doc.file } : {}), message: `${where}: in ${found.length} partitions, ${found.map((p) => p.name).join(' and ')} (${facts}); partitions must not overlap` });
  }
  return { members, problems };
}

/** The facet filters of a search: facet → the values any of which a page must have. */
export type FacetFilters = Partial<Record<string, { any: string[] }>>;

/** Whether a filter value of a facet can be held by a document of the partition. */
function valueFits(key: PartitionKey, facet: string, value: string): boolean {
  switch (facet) {
    case 'type':
      return !key.types || key.types.includes(value);
    case 'region':
      if (!key.regions) return true;
      return value === UNKNOWN_VALUE.region ? key.withoutRegion === true : key.regions.some((prefix) => value.startsWith(prefix));
    case 'year': {
      if (!key.years) return true;
      if (!/^\d{4}$/.test(value)) return key.undated === true;
      const year = Number(value);
      return (key.years.from === undefined || year >= key.years.from) && (key.years.to === undefined || year <= key.years.to);
    }
    default:
      return true;
  }
}

/**
 * The partitions whose documents can match `filters` (any of a facet's
 * values, every facet): a search filtered to one region or year range needs
 * only those partitions' shards. Exact, never losing a result: a document
 * that matches the filters matches its partition's key, so its partition fits.
 */
export function partitionsForFilters<P extends PartitionKey>(partitions: readonly P[], filters: FacetFilters): P[] {
  return partitions.filter((key) => Object.entries(filters).every(([facet, filter]) => !filter || filter.any.some((value) => valueFits(key, facet, value))));
}
