/**
 * The core, assembled: the corpus, its index, and everything the commands read. Built once at start-up
 * (or on reload) and passed to every command; adapters hold one and never reach inside it.
 */
import type { Corpus } from './corpus/types.js';

export interface Core {
  corpus: Corpus;
}

export interface CoreOptions {
  /** Corpus directory holding manifest.json and the documents. Default: the bundled `corpus/`. */
  corpusDir?: string;
}
