/**
 * Arguments and folders shared by the partition and hub commands: the
 * content folder, partitions file and graph file come from the environment
 * (README, "Environment variables") or from --content, --partitions, --graph.
 */
import path from 'node:path';
import { contentDir, DEFAULT_CACHE_DIR, givenGraphFile, partitionsFile } from '../../src/lib/build-paths.ts';

/** Options of `build:partition` and `build:hub`. */
export interface PartitionCommandOptions {
  contentDir: string;
  partitionsFile: string;
  graphFile: string;
  /** The build cache: one per partition in CI (default node_modules/.astro/partition-<name>, or hub). */
  cacheDir?: string;
  outDir?: string;
  /** Positional arguments: a partition's name, or the hub's partition folders. */
  rest: string[];
}

/** Reads `--content D --partitions F --graph F --cache D --out D` and positional arguments. */
export function parseArguments(argv: readonly string[]): PartitionCommandOptions {
  const env = process.env;
  const options: PartitionCommandOptions = {
    contentDir: contentDir(),
    partitionsFile: partitionsFile(),
    graphFile: givenGraphFile() ?? '',
    ...(env.WENYUAN_CACHE_DIR ? { cacheDir: env.WENYUAN_CACHE_DIR } : {}),
    ...(env.WENYUAN_OUT_DIR ? { outDir: env.WENYUAN_OUT_DIR } : {}),
    rest: [],
  };
  const flags: Record<string, 'contentDir' | 'partitionsFile' | 'graphFile' | 'cacheDir' | 'outDir'> = {
    '--content': 'contentDir',
    '--partitions': 'partitionsFile',
    '--graph': 'graphFile',
    '--cache': 'cacheDir',
    '--out': 'outDir',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = flags[arg];
    if (flag) {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value`);
      options[flag] = value;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      options.rest.push(arg);
    }
  }
  if (!options.graphFile) throw new Error('no graph file: make it once with `node scripts/build-graph.ts --out graph.json` and pass --graph graph.json (or WENYUAN_GRAPH_FILE)');
  for (const key of ['contentDir', 'partitionsFile', 'graphFile', 'cacheDir', 'outDir'] as const) {
    const value = options[key];
    if (value) options[key] = path.resolve(value);
  }
  return options;
}

/**
 * The build cache of one partition's or the hub's build: --cache or
 * WENYUAN_CACHE_DIR when given (a CI job keeps its own), else a folder of its
 * own in the default cache, so local builds of several partitions keep apart.
 */
export function cacheDirOf(options: PartitionCommandOptions, folder: string): string {
  return options.cacheDir ?? path.resolve(DEFAULT_CACHE_DIR, folder);
}
