/**
 * The core, assembled: the corpus, its index, and everything the commands read. Built once at start-up
 * (or on reload) and passed to every command; adapters hold one and never reach inside it.
 */
import { fileURLToPath } from 'node:url';
import type { Corpus } from './corpus/types.js';
import { loadCorpus } from './corpus/load.js';
import { PassageSearch, type PassageSearchOptions } from './search/passage-search.js';
import { domainAliases, type AliasTable } from './search/aliases.js';
import { buildTimeline } from './timeline/events.js';
import type { Timeline } from './timeline/types.js';
import { buildSourceRegistry } from './sources/registry.js';
import type { SourceRegistry } from './sources/types.js';

export interface Core {
  corpus: Corpus;
  search: PassageSearch;
  /** The domain alias table, or null for generic ranking. */
  aliases: AliasTable | null;
  /** Dated events of the corpus; built on first use, since /ask never needs it. */
  readonly timeline: Timeline;
  /** The documents and every source they cite; built on first use. */
  readonly sources: SourceRegistry;
}

export interface CoreOptions {
  /** Corpus directory holding manifest.json and the documents. Default: the bundled `corpus/`. */
  corpusDir?: string;
  /** Use the curated domain alias table. Default true. */
  aliases?: boolean;
  /** Indexing and ranking options. Default: `DEFAULT_PASSAGE_SEARCH`. */
  search?: PassageSearchOptions;
}

/** The bundled corpus, found from this file whether it runs from src/ (tests) or dist/src/ (built). */
export function bundledCorpusDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? fileURLToPath(new URL('../../corpus', import.meta.url)) : fileURLToPath(new URL('../corpus', import.meta.url));
}

/** Loads the corpus and builds the index. Throws `CORPUS_INVALID` naming the file when the corpus is broken. */
export function loadCore(options: CoreOptions = {}): Core {
  const corpus = loadCorpus(options.corpusDir ?? bundledCorpusDir());
  let timeline: Timeline | undefined;
  let sources: SourceRegistry | undefined;
  return {
    corpus,
    search: new PassageSearch(corpus, options.search),
    aliases: options.aliases === false ? null : domainAliases,
    get timeline() {
      return (timeline ??= buildTimeline(corpus));
    },
    get sources() {
      return (sources ??= buildSourceRegistry(corpus));
    },
  };
}
