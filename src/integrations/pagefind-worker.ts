/**
 * Worker thread that indexes one shard (pagefind-shard.ts) and reports back.
 * Once the shard is read it asks before starting Pagefind (the main thread
 * limits how many Pagefind processes run at once).
 * A worker has its own copy of Pagefind's Node API, hence its own Pagefind
 * process, so shards in different workers are indexed side by side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexShard, type ShardJob } from './pagefind-shard.ts';

/** Says the shard is read and waits for the go-ahead to start Pagefind. */
function mayIndex(): Promise<void> {
  return new Promise((resolve) => {
    parentPort!.once('message', () => resolve());
    parentPort!.postMessage({ read: true });
  });
}

try {
  parentPort!.postMessage({ report: await indexShard(workerData as ShardJob, mayIndex) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
