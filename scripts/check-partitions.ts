/**
 * `npm run check:partitions [-- --content D --partitions F]`: checks that
 * every document of the content folder is in exactly one partition of the
 * partitions file; lists each one that is in none or in several, and how
 * many documents each partition holds. Exit 1 on any problem.
 */
import path from 'node:path';
import { loadPartitionConfig, readDocumentFacts } from '../src/data/partition-scope.ts';
import { assignPartitions } from '../src/lib/partitions.ts';
import { contentDir as defaultContentDir, partitionsFile } from '../src/lib/build-paths.ts';

const args = process.argv.slice(2);
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const contentDir = value('--content') ?? defaultContentDir();
const file = value('--partitions') ?? partitionsFile();
try {
  const { members, problems } = assignPartitions(loadPartitionConfig(file), readDocumentFacts(contentDir));
  for (const problem of problems) console.log(problem.message);
  for (const [name, ids] of members) console.log(`${name}: ${ids.length} documents`);
  console.log(problems.length === 0 ? `${path.normalize(file)}: every document is in exactly one partition` : `${problems.length} document(s) in no partition or in several`);
  if (problems.length > 0) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
