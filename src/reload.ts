/**
 * Hot reload: a holder of the current core that watches the corpus directory, re-ingests it in the
 * background when it changes, and swaps the new core in only when it loaded in full. A broken change
 * leaves the last good core answering and is logged with its reason.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { bundledCorpusDir, loadCore, type Core, type CoreOptions } from './core.js';
import { readManifest } from './corpus/manifest.js';
import { preloadPdfs } from './corpus/formats/index.js';
import { isIgnoredFile } from './corpus/check.js';
import { isBackchannelError } from './errors.js';

export interface CoreHolderOptions {
  /** Options of every `loadCore`; `corpusDir` defaults to the bundled corpus. */
  core?: CoreOptions;
  /** Watch the corpus directory and reload on changes. Default true. */
  watch?: boolean;
  /** Quiet time after the last change before reloading, in ms. Default 300. */
  debounceMs?: number;
  /** Where reloads are logged (`info` on success, `warn` with `{ err, reason }` on failure). Default: none. */
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Called after every reload attempt, with its outcome. Default: none. */
  onReload?: (result: ReloadResult) => void;
  /** Loads a core; default `loadCore`. Tests and benchmarks may pass their own. */
  load?: (options: CoreOptions) => Core;
}

/** The outcome of one reload. */
export type ReloadResult =
  | { ok: true; core: Core; documents: number; passages: number; ms: number }
  | { ok: false; error: unknown; reason: string; ms: number };

export interface CoreHolder {
  /** The core serving now: the last one that loaded in full. */
  readonly current: Core;
  /** A core whose every property read goes to `current`: hand it to adapters that keep a `Core`. */
  readonly proxy: Core;
  /** Reloads now (changes already pending are folded in); concurrent calls share one reload. */
  reload(): Promise<ReloadResult>;
  /** Stops watching; pending reloads are dropped. Idempotent. */
  close(): void;
}

/**
 * Loads the core once (a broken corpus throws: there is nothing to serve yet) and, unless `watch` is
 * false, watches its directory. Reloads first read the PDFs that changed in a worker thread, then
 * build the core (ingestion and indexing are synchronous), then swap it in.
 */
export function createCoreHolder(options: CoreHolderOptions = {}): CoreHolder {
  const load = options.load ?? loadCore;
  const coreOptions: CoreOptions = { ...options.core, corpusDir: resolve(options.core?.corpusDir ?? bundledCorpusDir()) };
  const dir = coreOptions.corpusDir!;
  const logger = options.logger;
  let current = load(coreOptions);
  let closed = false;
  let running: Promise<ReloadResult> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  async function attempt(): Promise<ReloadResult> {
    const started = performance.now();
    try {
      await new Promise((r) => setImmediate(r)); // let replies in flight finish first
      const pdfs = readManifest(dir).filter((m) => m.format === 'pdf').map((m) => join(dir, m.file));
      await preloadPdfs(pdfs); // off the main thread; loadCore then finds them read
      const next = load(coreOptions);
      if (closed) throw new Error('the holder was closed during the reload');
      current = next;
      const result = { ok: true as const, core: next, documents: next.corpus.documents.length, passages: next.corpus.passages.length, ms: Math.round(performance.now() - started) };
      logger?.info({ dir, documents: result.documents, passages: result.passages, ms: result.ms }, 'corpus reloaded');
      return result;
    } catch (error) {
      const reason = isBackchannelError(error) ? error.message : error instanceof Error ? error.message : String(error);
      logger?.warn({ err: error, reason, dir }, 'corpus change not loaded; still serving the last good corpus');
      return { ok: false, error, reason, ms: Math.round(performance.now() - started) };
    }
  }

  function reload(): Promise<ReloadResult> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: ReloadResult;
      do {
        again = false;
        result = await attempt();
        options.onReload?.(result);
      } while (again && !closed);
      running = null;
      return result;
    })();
    return running;
  }

  function schedule(name: string | null): void {
    if (closed || (name && isIgnoredFile(name) && name !== 'manifest.json')) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.debounceMs ?? 300);
    timer.unref();
  }

  if (options.watch !== false) {
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => schedule(name ? String(name) : null));
      watcher.on('error', (error) => logger?.error({ err: error, dir }, 'corpus watcher failed; changes are no longer picked up'));
    } catch (error) {
      logger?.warn({ err: error, dir }, 'cannot watch the corpus directory; changes will not be picked up');
    }
  }

  const proxy = new Proxy({} as Core, {
    get: (_target, prop) => Reflect.get(current, prop),
    has: (_target, prop) => Reflect.has(current, prop),
    ownKeys: () => Reflect.ownKeys(current),
    getOwnPropertyDescriptor: (_target, prop) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current, prop);
      return descriptor && { ...descriptor, configurable: true };
    },
  });

  return {
    get current() {
      return current;
    },
    proxy,
    reload,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
