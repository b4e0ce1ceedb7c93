/**
 * Renders Markdown documents on every core while Astro's content layer loads
 * the collection. Astro renders each entry in its main thread; its glob
 * loader already keeps several entries in flight, so handing the render
 * function a pool of worker threads (src/data/render-worker.ts) spreads the
 * rendering, the bulk of loading an archive, over the machine's cores. The
 * output is the same: the workers run the same processor with the same
 * options and graph.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderResult, RenderTask, RenderWorkerData } from './render-worker.ts';

/** The rendered-content shape Astro's loaders store. */
export interface RenderedContent {
  html: string;
  metadata?: Record<string, unknown>;
}

/** Astro's per-entry render function (what a content entry type's `getRenderFunction` returns). */
export type RenderFunction = (entry: { id: string; data: Record<string, unknown>; body?: string; filePath?: string; digest?: string }) => Promise<RenderedContent>;

/** A pool of render workers; {@link close} it when loading is done. */
export interface RenderPool {
  render: RenderFunction;
  close(): Promise<void>;
}

/** Astro's glob loader keeps at most this many entries in flight (pLimit(10) in astro/dist/content/loaders/glob.js): more workers would sit idle. */
const IN_FLIGHT = 10;

/**
 * Starts `size` workers (default: one per core, at most {@link IN_FLIGHT}).
 * Throws if the options cannot be sent to a worker (the caller then renders
 * in the main thread).
 */
export function createRenderPool(data: RenderWorkerData, size = Math.min(availableParallelism(), IN_FLIGHT)): RenderPool {
  structuredClone(data);
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve: (r: RenderedContent) => void; reject: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>();
  let nextTask = 0;

  let lastError: Error | undefined;
  // A worker that errs or stops fails its tasks and takes no more.
  const fail = (worker: Worker, error: Error) => {
    lastError ??= error;
    const at = workers.indexOf(worker);
    if (at >= 0) workers.splice(at, 1);
    for (const [task, p] of pending) {
      if (p.worker !== worker) continue;
      pending.delete(task);
      p.reject(error);
    }
  };
  for (let i = 0; i < Math.max(1, size); i++) {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: data });
    worker.on('message', (reply: RenderResult) => {
      const p = pending.get(reply.task);
      if (!p) return;
      pending.delete(reply.task);
      load.set(worker, load.get(worker)! - 1);
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve({ html: reply.html, metadata: reply.metadata });
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => fail(worker, new Error(`a render worker stopped (exit code ${code})`)));
    workers.push(worker);
    load.set(worker, 0);
  }

  return {
    render: (entry) => {
      if (workers.length === 0) return Promise.reject(lastError ?? new Error('the render pool is closed'));
      // The least busy worker; ties go to the first.
      const worker = workers.reduce((best, w) => (load.get(w)! < load.get(best)! ? w : best));
      const task = nextTask++;
      load.set(worker, load.get(worker)! + 1);
      const message: RenderTask = { task, body: entry.body ?? '', frontmatter: entry.data, ...(entry.filePath ? { filePath: entry.filePath } : {}) };
      return new Promise((resolve, reject) => {
        pending.set(task, { resolve, reject, worker });
        worker.postMessage(message);
      });
    },
    close: async () => {
      const all = [...workers];
      workers.length = 0;
      lastError ??= new Error('the render pool is closed');
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
