/**
 * What a partition build leaves for the hub, and the hub's checks that the
 * partitions it merges belong together (README, "Beyond one machine").
 * The manifest is `wenyuan-partition.json` at the root of a partition's
 * output; only it, the partition's files, the graph file, the content and
 * the partitions file pass between machines.
 */

/** File name of a partition's manifest, at the root of its output folder. */
export const MANIFEST_FILE = 'wenyuan-partition.json';

/** Bump when the manifest or the way partitions are merged changes shape. */
export const PARTITION_FORMAT = 2;

/** The versions a partition was built from; the hub refuses a partition whose versions differ from its own. */
export interface BuildVersions {
  /** {@link PARTITION_FORMAT}. */
  format: number;
  /** SHA-256 of the graph file's bytes. */
  graph: string;
  /** Digest of the document schema (src/schemas). */
  schema: string;
  /** Digest of the site's code (src/, astro.config.mjs, package-lock.json). */
  code: string;
  /** SHA-256 of the partitions file. */
  partitions: string;
  /** The environment that shapes the pages ({@link PAGE_SETTINGS}), as `NAME=value` pairs; see {@link pageSettings}. */
  settings: string;
}

/** Variables whose values go into every page (addresses, the CSP meta element, edit links, the date of citation): partitions and hub must agree on them. */
export const PAGE_SETTINGS = ['WENYUAN_SITE', 'WENYUAN_CSP_META', 'WENYUAN_EDIT_URL', 'WENYUAN_CITE_DATE', 'SOURCE_DATE_EPOCH'] as const;

/** The page settings of `env`, e.g. `WENYUAN_SITE=https://archive.example.org WENYUAN_CSP_META=1` (unset and empty variables left out). */
export function pageSettings(env: Readonly<Record<string, string | undefined>>): string {
  return PAGE_SETTINGS.flatMap((name) => (env[name] ? [`${name}=${env[name]}`] : [])).join(' ');
}

/** `wenyuan-partition.json`: what one partition build made. */
export interface PartitionManifest extends BuildVersions {
  /** The partition's name (wenyuan.partitions.json). */
  name: string;
  /** Ids of its documents, in the order of the content folder. */
  documents: string[];
  /** Every file it made for the merged site, relative to its output folder, `/`-separated, sorted. */
  files: string[];
  /** URL paths of its search shards (`/pagefind-<name>/`, `/pagefind-<name>-1/` …). */
  shards: string[];
  /** Each document's feed summary (null: none), for the hub's feeds. */
  summaries: Record<string, string | null>;
}

/** What the hub build reads of the partitions (WENYUAN_HUB_INPUT). */
export interface HubInput {
  /** URL paths of every page the partitions made, for the sitemap. */
  pages: string[];
  summaries: Record<string, string | null>;
}

/**
 * Everything wrong with a set of partition manifests, as messages a person
 * can act on: a partition missing or given twice, one built from another
 * graph, schema, code or partitions file, or holding other documents than
 * the content assigns it.
 */
export function manifestProblems(expected: BuildVersions & { members: ReadonlyMap<string, readonly string[]> }, manifests: readonly PartitionManifest[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const what: Record<keyof BuildVersions, string> = {
    format: 'partition format',
    graph: 'graph (build every partition from the same graph file)',
    schema: 'schema version (src/schemas)',
    code: 'site code',
    partitions: 'partitions file',
    settings: 'environment (WENYUAN_SITE, WENYUAN_CSP_META, WENYUAN_EDIT_URL, WENYUAN_CITE_DATE, SOURCE_DATE_EPOCH: set them alike for every job)',
  };
  for (const manifest of manifests) {
    if (seen.has(manifest.name)) problems.push(`partition "${manifest.name}" is given twice`);
    seen.add(manifest.name);
    const members = expected.members.get(manifest.name);
    if (!members) {
      problems.push(`partition "${manifest.name}" is not in the partitions file`);
      continue;
    }
    for (const key of Object.keys(what) as Array<keyof BuildVersions>) {
      if (manifest[key] === expected[key]) continue;
      // Digests are told apart by their start; settings are shown whole.
      const shown = (value: unknown) => (key === 'settings' ? `"${String(value ?? '')}"` : String(value).slice(0, 12));
      problems.push(`partition "${manifest.name}" was built from a different ${what[key]}: ${shown(manifest[key])}, the hub has ${shown(expected[key])}`);
    }
    const own = new Set(members);
    const extra = manifest.documents.filter((id) => !own.has(id));
    const built = new Set(manifest.documents);
    const lacking = members.filter((id) => !built.has(id));
    if (extra.length > 0 || lacking.length > 0) {
      problems.push(
        `partition "${manifest.name}" holds other documents than the content gives it` +
          (lacking.length > 0 ? `; missing: ${lacking.slice(0, 5).join(', ')}${lacking.length > 5 ? ` and ${lacking.length - 5} more` : ''}` : '') +
          (extra.length > 0 ? `; not its own: ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ` and ${extra.length - 5} more` : ''}` : ''),
      );
    }
  }
  for (const name of expected.members.keys()) if (!seen.has(name)) problems.push(`partition "${name}" was not given to the hub (build it with npm run build:partition -- ${name})`);
  return problems;
}
