/**
 * The saved index's checksum (SHA-256 of its payload), computed on a worker thread while the calling
 * thread decodes the file: for the 107 MB corpus's 273 MB index it took 0.6 s of a 4.4 s load, on a
 * machine whose second core sat idle. Synchronous, like the load it serves: the caller asks for the
 * digest when it has decoded, and waits (`Atomics.wait`) only if the worker is not done.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** The checksum of a payload, as `createHash('sha256')` gives it. */
export function checksum(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest();
}

/** How a payload's checksum is computed. */
export interface ChecksumOptions {
  /** Payloads from this many bytes are hashed on a worker thread (a worker costs ~30 ms to start). Default 16 MB. */
  alongsideFrom?: number;
  /** Longest wait for the worker's digest before the calling thread hashes the payload itself. Default 30 s. */
  waitMs?: number;
}

export const DEFAULT_CHECKSUM = { alongsideFrom: 16 * 1024 * 1024, waitMs: 30_000 } as const;

/**
 * The worker: hashes its share of the shared buffer, puts the digest after the state word, then sets
 * the state (1 done, 2 failed) and wakes the caller. Plain CommonJS run with `eval`, so it needs no
 * script file beside this module (the TypeScript sources have none) and inherits no loader.
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { buffer, start, end, signal } = workerData;
try {
  const digest = createHash('sha256').update(new Uint8Array(buffer, start, end - start)).digest();
  new Uint8Array(signal.buffer, 4, 32).set(digest);
  Atomics.store(signal, 0, 1);
} catch {
  Atomics.store(signal, 0, 2);
}
Atomics.notify(signal, 0);
`;

/**
 * Starts the checksum of `payload` and returns what waits for it. A payload on a `SharedArrayBuffer`,
 * at least `alongsideFrom` bytes long, on a machine of more than one core, is hashed on a worker
 * thread; any other at once. A worker that fails, or does not answer within `waitMs` (one that could
 * not start), is given up and the payload hashed on the calling thread: the digest is always the
 * payload's own.
 */
export function checksumAlongside(payload: Uint8Array, options: ChecksumOptions = {}): () => Buffer {
  const { alongsideFrom, waitMs } = { ...DEFAULT_CHECKSUM, ...options };
  if (!(payload.buffer instanceof SharedArrayBuffer) || payload.byteLength < alongsideFrom || availableParallelism() < 2) {
    const digest = checksum(payload);
    return () => digest;
  }
  const signal = new Int32Array(new SharedArrayBuffer(4 + 32));
  let worker: Worker | null;
  try {
    worker = new Worker(WORKER, {
      eval: true,
      execArgv: [],
      workerData: { buffer: payload.buffer, start: payload.byteOffset, end: payload.byteOffset + payload.byteLength, signal },
    });
    worker.unref();
    // Reported on the next turn of the event loop, by which time the digest was asked for: `waitMs` and the
    // state word decide. Listened to so that a failure is not an uncaught error.
    worker.on('error', () => {});
  } catch {
    worker = null;
  }
  let digest: Buffer | undefined;
  return () => {
    if (digest) return digest;
    const deadline = performance.now() + waitMs;
    for (let left = waitMs; worker && Atomics.load(signal, 0) === 0 && left > 0; left = deadline - performance.now()) {
      Atomics.wait(signal, 0, 0, left);
    }
    digest = Atomics.load(signal, 0) === 1 ? Buffer.from(new Uint8Array(signal.buffer, 4, 32)) : checksum(payload);
    void worker?.terminate();
    return digest;
  };
}
