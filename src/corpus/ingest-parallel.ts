/**
 * Ingestion spread over the machine's cores: a large corpus (the 107 MB JFK release takes minutes on
 * one core) is split into shares of about equal size; worker threads ingest all shares but one, the
 * calling thread the last (and every PDF, whose text it has already extracted), and the documents come
 * back in manifest order. Synchronous, like the loader it serves: the calling thread waits on a shared
 * counter (`Atomics.wait`) once its own share is done.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ingestDocument, type Ingested } from './ingest.js';
import type { DocumentMeta } from './types.js';

/** How ingestion is spread. */
export interface IngestOptions {
  /** Threads to use, the calling one included. Default: the machine's available parallelism. */
  threads?: number;
  /** Corpora smaller than this (bytes of document files) are ingested on the calling thread alone: a worker costs ~100 ms to start. Default 4 MB. */
  parallelFrom?: number;
  /** Called after each document with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_INGEST = { parallelFrom: 4_000_000 } as const;

/** The worker's script, built beside this module (absent when running from the TypeScript sources). */
const WORKER = fileURLToPath(new URL('./ingest-worker.js', import.meta.url));

interface Job {
  index: number;
  meta: DocumentMeta;
}

/** Longest wait for the next document from the workers before they are given up. */
const STALLED_MS = 5 * 60_000;

type WorkerMessage = { index: number; ingested: Ingested } | { index: number; error: { message: string; stack?: string } };

/** Every document of `metas` ingested (see `ingestDocument`), in their order. */
export function ingestInParallel(root: string, metas: readonly DocumentMeta[], options: IngestOptions = {}): Ingested[] {
  const total = metas.length;
  const results: Ingested[] = new Array<Ingested>(total);
  let done = 0;
  const finished = (index: number, ingested: Ingested) => {
    results[index] = ingested;
    done++;
    options.onProgress?.(done, total);
  };
  const sizes = metas.map((m) => fileSize(join(root, m.file)));
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), total));
  const parallel = threads > 1 && sizes.reduce((a, b) => a + b, 0) >= (options.parallelFrom ?? DEFAULT_INGEST.parallelFrom) && existsSync(WORKER);
  if (!parallel) {
    metas.forEach((meta, index) => finished(index, ingestDocument(root, meta)));
    return results;
  }

  // Largest first, each to the lightest share; PDFs stay on this thread (index 0).
  const shares: Job[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  const order = metas.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!);
  for (const index of order) {
    const meta = metas[index]!;
    const share = meta.format === 'pdf' ? 0 : load.indexOf(Math.min(...load));
    shares[share]!.push({ index, meta });
    load[share]! += sizes[index]!;
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const ports: MessagePort[] = [];
  const workers = shares.slice(1).filter((jobs) => jobs.length).map((jobs) => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    return new Worker(WORKER, { workerData: { root, jobs, port: port2, signal }, transferList: [port2] });
  });
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const message = m.message as WorkerMessage;
        if ('error' in message) throw Object.assign(new Error(message.error.message), { stack: message.error.stack });
        finished(message.index, message.ingested);
      }
    }
  };
  try {
    for (const { index, meta } of shares[0]!) {
      finished(index, ingestDocument(root, meta));
      drain();
    }
    let seen = Atomics.load(signal, 0);
    let waitedSince = performance.now();
    while (done < total) {
      drain();
      if (done >= total) break;
      // Wake on the next document counted. No document for minutes: a worker died (its heap ran out).
      if (Atomics.wait(signal, 0, seen, 1000) === 'timed-out' && performance.now() - waitedSince > STALLED_MS) {
        throw new Error(`ingestion: no document finished for ${STALLED_MS / 60_000} minutes; a worker thread stopped`);
      }
      if (Atomics.load(signal, 0) !== seen) waitedSince = performance.now();
      seen = Atomics.load(signal, 0);
    }
  } finally {
    for (const worker of workers) void worker.terminate();
    for (const port of ports) port.close();
  }
  return results;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
