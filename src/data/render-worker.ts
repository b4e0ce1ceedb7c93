/**
 * A worker thread that renders archive Markdown exactly as Astro's content
 * layer would in the main thread: the same processor (`archiveProcessor`,
 * src/markdown/index.ts, which astro.config.mjs also uses), the same
 * renderer options (passed in from Astro's configuration) and the same
 * citation graph (read from its cache file). src/data/render-pool.ts runs
 * one per core.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { archiveProcessor } from '../markdown/index.ts';
import { CrossLinkIndex } from '../lib/graph/link-index.ts';
import type { GraphData } from '../lib/graph/types.ts';

/** What the pool sends when it starts a worker. */
export interface RenderWorkerData {
  graphFile: string;
  rendererOptions: Parameters<ReturnType<typeof archiveProcessor>['createRenderer']>[0];
}

/** One document to render. */
export interface RenderTask {
  task: number;
  body: string;
  frontmatter: Record<string, unknown>;
  filePath?: string;
}

/** The answer to a task: Astro's rendered-content shape, or the error message. */
export type RenderResult =
  | { task: number; html: string; metadata: Record<string, unknown> }
  | { task: number; error: string };

const { graphFile, rendererOptions } = workerData as RenderWorkerData;
const graph = JSON.parse(readFileSync(graphFile, 'utf8')) as GraphData;
const rendererReady: Promise<MarkdownRenderer> = archiveProcessor({ index: new CrossLinkIndex(graph) }).createRenderer(rendererOptions);

parentPort!.on('message', async ({ task, body, frontmatter, filePath }: RenderTask) => {
  let reply: RenderResult;
  try {
    const renderer = await rendererReady;
    const result = await renderer.render(body, { frontmatter, ...(filePath ? { fileURL: pathToFileURL(filePath) } : {}) });
    reply = {
      task,
      html: result.code,
      metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
    };
  } catch (error) {
    reply = { task, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
