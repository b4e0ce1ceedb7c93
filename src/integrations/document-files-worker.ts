/**
 * A worker thread of the document-files step (src/integrations/
 * document-files.ts): writes the files of its share of the documents and
 * answers with how many it wrote. An error ends the worker, and the step
 * fails with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeFilesOf, type DocumentFilesJob } from './document-files.ts';

const { outDir, files, site } = workerData as DocumentFilesJob;
parentPort!.postMessage(await writeFilesOf(outDir, files, site));
