/**
 * Ingestion spread over the machine's cores: a large corpus (the 107 MB JFK release takes minutes on
 * one core) is split into shares of about equal size that worker threads ingest, while the calling
 * thread ingests the PDFs (whose text it has already extracted) and hands on each document in
 * manifest order as it arrives (`onDocument`: the core indexes it there, alongside ingestion).
 * Synchronous, like the loader it serves: the calling thread waits on a shared counter
 * (`Atomics.wait`) when it has nothing to do.
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
  /** Worker threads to ingest with (1: the calling thread alone). Default: the machine's available parallelism. */
  threads?: number;
  /** Corpora smaller than this (bytes of document files) are ingested on the calling thread alone: a worker costs ~100 ms to start. Default 4 MB. */
  parallelFrom?: number;
  /** Called after each document with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each document in manifest order as soon as it and all before it are ingested, on the
   * calling thread while the workers go on ingesting (the core indexes there, alongside ingestion).
   */
  onDocument?: (index: number, ingested: Ingested) => void;
}

export const DEFAULT_INGEST = { parallelFrom: 4_000_000 } as const;

/** The worker's script, built beside this module (absent when running from the TypeScript sources). */
const WORKER = fileURLToPath(new URL('./ingest-worker.js', import.meta.url));

/**
 * The node options a worker starts with: this process's (the default), or none under `--input-type`,
 * with which a worker given a script file refuses to start (under `node --input-type=module -e …`
 * ingestion waited out its stall limit, then failed). Not this process's less that one: given
 * explicitly, process-wide options (`--expose-gc`, `--max-old-space-size`) are refused too.
 */
function workerExecArgv(): string[] | undefined {
  return process.execArgv.some((option) => option.startsWith('--input-type')) ? [] : undefined;
}

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
  let delivered = 0;
  const finished = (index: number, ingested: Ingested) => {
    results[index] = ingested;
    done++;
    options.onProgress?.(done, total);
  };
  /** Hands on the documents ready in order. */
  const deliver = () => {
    for (; delivered < total && results[delivered] !== undefined; delivered++) options.onDocument?.(delivered, results[delivered]!);
  };
  const sizes = metas.map((m) => fileSize(join(root, m.file)));
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), total));
  const parallel = threads > 1 && sizes.reduce((a, b) => a + b, 0) >= (options.parallelFrom ?? DEFAULT_INGEST.parallelFrom) && existsSync(WORKER);
  if (!parallel) {
    metas.forEach((meta, index) => {
      finished(index, ingestDocument(root, meta));
      deliver();
    });
    return results;
  }

  // PDFs stay on this thread, whose pdf.js has already read them; the rest go, in manifest order, each
  // to the lightest worker, so every worker's queue is in manifest order and documents come back
  // roughly in the order they are handed on.
  const own: Job[] = [];
  const shares: Job[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  metas.forEach((meta, index) => {
    if (meta.format === 'pdf') return void own.push({ index, meta });
    const share = load.indexOf(Math.min(...load));
    shares[share]!.push({ index, meta });
    load[share]! += sizes[index]!;
  });
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const ports: MessagePort[] = [];
  const workers = shares.filter((jobs) => jobs.length).map((jobs) => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    return new Worker(WORKER, { workerData: { root, jobs, port: port2, signal }, transferList: [port2], execArgv: workerExecArgv() });
  });
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const message = m.message as WorkerMessage;
        if ('error' in message) throw Object.assign(new Error(message.error.message), { stack: message.error.stack });
        finished(message.index, message.ingested);
      }
    }
    deliver();
  };
  try {
    let ownNext = 0;
    let seen = Atomics.load(signal, 0);
    let waitedSince = performance.now();
    while (delivered < total) {
      drain();
      if (delivered >= total) break;
      // A document of this thread's own that is next in line: ingest it now.
      const mine = own[ownNext];
      if (mine && mine.index === delivered) {
        finished(mine.index, ingestDocument(root, mine.meta));
        ownNext++;
        continue;
      }
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
