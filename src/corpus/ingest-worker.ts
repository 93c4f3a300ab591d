/**
 * A worker thread of `ingestInParallel`: ingests the documents it is given, one message each, in turn,
 * and counts each one on the shared signal so the waiting thread wakes up.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DocumentMeta } from './types.js';
import { ingestDocument } from './ingest.js';

const { root, jobs, port, signal } = workerData as { root: string; jobs: Array<{ index: number; meta: DocumentMeta }>; port: MessagePort; signal: Int32Array };

for (const { index, meta } of jobs) {
  try {
    port.postMessage({ index, ingested: ingestDocument(root, meta) });
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } });
  }
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
port.close();
