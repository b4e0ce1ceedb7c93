/**
 * Worker thread that indexes one shard (pagefind-shard.ts) and reports back.
 * A worker has its own copy of Pagefind's Node API, hence its own Pagefind
 * process, so shards in different workers are indexed side by side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexShard, type ShardJob } from './pagefind-shard.ts';

try {
  parentPort!.postMessage({ report: await indexShard(workerData as ShardJob) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
