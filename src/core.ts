/**
 * The core, assembled: the corpus, its index, and everything the commands read. Built once at start-up
 * (or on reload) and passed to every command; adapters hold one and never reach inside it.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './corpus/types.js';
import { loadCorpus } from './corpus/load.js';
import { PassageSearch, indexedPassage, passageEngineOptions, type PassageSearchOptions } from './search/passage-search.js';
import { SearchEngine } from './search/engine.js';
import { CacheFileError, indexKey, indexPath, loadIndex, saveIndex, defaultCacheDir } from './cache/index-cache.js';
import { progressBar } from './cache/progress.js';
import { domainAliases, type AliasTable } from './search/aliases.js';
import { buildTimeline } from './timeline/events.js';
import type { Timeline } from './timeline/types.js';
import { buildSourceRegistry } from './sources/registry.js';
import type { SourceRegistry } from './sources/types.js';
import type { Retriever } from './retrieval/types.js';

export interface Core {
  corpus: Corpus;
  search: PassageSearch;
  /** The domain alias table, or null for generic ranking. */
  aliases: AliasTable | null;
  /** Dated events of the corpus; built on first use, since /ask never needs it. */
  readonly timeline: Timeline;
  /** The documents and every source they cite; built on first use. */
  readonly sources: SourceRegistry;
  /** How this core was loaded: from the saved index or built, and what each step took. */
  readonly load: LoadInfo;
  /**
   * Where /ask retrieves, when not from `search`: a server all replicas share (PostgreSQL, which
   * `npm start` supplies with `SEARCH_BACKEND=postgres`). Unset: the in-memory index, at once.
   */
  readonly retriever?: Retriever;
}

/** What loading the core did, with timings in milliseconds. */
export interface LoadInfo {
  source: 'cache' | 'built';
  /** Hashing the corpus files into the saved index's key. */
  keyMs: number;
  /** Reading and decoding the saved index (source `cache`). */
  cacheLoadMs: number;
  /** Ingesting the corpus, with each document indexed as it arrives (source `built`). */
  ingestMs: number;
  /** Finishing the index after ingestion: packing it for search (source `built`). */
  indexMs: number;
  /** Writing the saved index (source `built`, cache on). */
  saveMs: number;
  /** The saved index file, or null with the cache off. */
  cachePath: string | null;
  /** Its size in bytes (0 when none was read or written). */
  cacheBytes: number;
  /** Why the saved index was not used, when it was not: missing, stale, corrupt (with the reason). */
  rebuiltBecause: string | null;
}

/** Saved-index settings of `loadCore`. */
export interface CacheOptions {
  /** Directory of the saved indexes. Default: `BACKCHANNEL_CACHE_DIR`, else `<repo>/.cache/index`. */
  dir?: string;
  /** Where a corrupt or unwritable saved index is reported. Default: a line on stderr. */
  log?: (message: string) => void;
}

export interface CoreOptions {
  /** Corpus directory holding manifest.json and the documents. Default: the bundled `corpus/`. */
  corpusDir?: string;
  /** Use the curated domain alias table. Default true. */
  aliases?: boolean;
  /** Indexing and ranking options. Default: `DEFAULT_PASSAGE_SEARCH`. */
  search?: PassageSearchOptions;
  /**
   * Load the saved index of the corpus when it is current, else build and save it. `false` always
   * builds and saves nothing. Default on, unless the environment sets `BACKCHANNEL_CACHE=0` or the
   * process runs under vitest (`VITEST`).
   */
  cache?: boolean | CacheOptions;
  /** Where /ask retrieves instead of the in-memory index (see `Core.retriever`). Default: the in-memory index. */
  retriever?: Retriever;
}

/** The bundled corpus, found from this file whether it runs from src/ (tests) or dist/src/ (built). */
export function bundledCorpusDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? fileURLToPath(new URL('../../corpus', import.meta.url)) : fileURLToPath(new URL('../corpus', import.meta.url));
}

/**
 * Loads the corpus and its index: from the saved index when it matches the corpus, the engine and the
 * options, else by ingesting and indexing (with a progress bar when stderr is a terminal) and saving
 * the result. Throws `CORPUS_INVALID` naming the file when the corpus is broken.
 */
export function loadCore(options: CoreOptions = {}): Core {
  const corpusDir = options.corpusDir ?? bundledCorpusDir();
  // Off under test runners (their temporary corpora would litter the cache) unless asked for.
  const cacheOn = options.cache ?? (process.env['BACKCHANNEL_CACHE'] !== '0' && !process.env['VITEST']);
  const cacheOptions: CacheOptions = typeof cacheOn === 'object' ? cacheOn : {};
  const log = cacheOptions.log ?? ((message: string) => process.stderr.write(`backchannel: ${message}\n`));
  const engineOptions = passageEngineOptions(options.search);
  const info: LoadInfo = { source: 'built', keyMs: 0, cacheLoadMs: 0, ingestMs: 0, indexMs: 0, saveMs: 0, cachePath: null, cacheBytes: 0, rebuiltBecause: null };
  let corpus: Corpus | undefined;
  let search: PassageSearch | undefined;
  let key: Buffer | null = null;
  if (cacheOn !== false) {
    let started = performance.now();
    key = indexKey(corpusDir, engineOptions, { lexicon: options.search?.lexicon ?? true });
    info.keyMs = performance.now() - started;
    info.cachePath = indexPath(corpusDir, cacheOptions.dir ?? defaultCacheDir());
    if (key) {
      started = performance.now();
      try {
        const loaded = loadIndex(info.cachePath, key, corpusDir, engineOptions);
        corpus = loaded.corpus;
        search = new PassageSearch(corpus, options.search, { prebuilt: loaded.engine, lexicon: loaded.lexicon });
        info.source = 'cache';
        info.cacheLoadMs = performance.now() - started;
        info.cacheBytes = statBytes(info.cachePath);
      } catch (error) {
        const reason = error instanceof CacheFileError ? error.reason : 'corrupt';
        info.rebuiltBecause = `${reason}: ${(error as Error).message}`;
        if (reason === 'corrupt') log(`the saved index ${info.cachePath} is corrupt (${(error as Error).message}); rebuilding it`);
      }
    }
  }
  if (!corpus || !search) {
    const progress = progressBar();
    progress.stage('reading, cleaning and indexing the documents…');
    let started = performance.now();
    // Each document is indexed as soon as it and those before it are ingested: on a large corpus the
    // other threads ingest meanwhile (see ingest-parallel.ts).
    const engine = new SearchEngine(passageEngineOptions(options.search));
    try {
      corpus = loadCorpus(corpusDir, {
        onProgress: (done, total) => progress.update('reading, cleaning and indexing documents', done, total),
        onDocument: (_, { document }) => {
          if (document) engine.addAll(document.passages.map((p) => indexedPassage(p, document.meta)));
        },
      });
    } finally {
      progress.done();
    }
    info.ingestMs = performance.now() - started;
    started = performance.now();
    search = new PassageSearch(corpus, options.search, { prebuilt: engine });
    search.engine.freeze();
    info.indexMs = performance.now() - started;
    if (key && info.cachePath) {
      started = performance.now();
      try {
        info.cacheBytes = saveIndex(info.cachePath, key, corpus, search.engine, search.lexicon);
      } catch (error) {
        log(`could not save the index to ${info.cachePath} (${(error as Error).message})`);
      }
      info.saveMs = performance.now() - started;
    }
  }
  const loadedCorpus = corpus;
  let timeline: Timeline | undefined;
  let sources: SourceRegistry | undefined;
  return {
    corpus: loadedCorpus,
    search,
    load: info,
    aliases: options.aliases === false ? null : domainAliases,
    ...(options.retriever ? { retriever: options.retriever } : {}),
    get timeline() {
      return (timeline ??= buildTimeline(loadedCorpus));
    },
    get sources() {
      return (sources ??= buildSourceRegistry(loadedCorpus));
    },
  };
}

function statBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
