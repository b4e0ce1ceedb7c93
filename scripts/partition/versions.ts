/**
 * The versions a partition is built from (src/lib/partition-manifest.ts):
 * digests of the graph file, the document schema, the site's code and the
 * partitions file, and the page settings of the environment, computed the same way by the partition builds and the hub.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestOfFiles, filesUnder } from '../../src/lib/files.ts';
import { PARTITION_FORMAT, pageSettings, type BuildVersions } from '../../src/lib/partition-manifest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The versions of this checkout with these graph and partitions files. */
export function buildVersions(graphFile: string, partitionsFile: string): BuildVersions {
  const src = path.join(ROOT, 'src');
  const code = [...filesUnder(src), path.join(ROOT, 'astro.config.mjs'), path.join(ROOT, 'package-lock.json')];
  return {
    format: PARTITION_FORMAT,
    graph: sha256(graphFile),
    schema: digestOfFiles(src, filesUnder(path.join(src, 'schemas'), ['.ts'])),
    code: digestOfFiles(ROOT, code),
    partitions: sha256(partitionsFile),
    settings: pageSettings(process.env),
  };
}
