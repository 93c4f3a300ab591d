/**
 * The engine's public shapes and defaults. Import them from `engine.ts`, which re-exports them.
 */
import { DEFAULT_FEEDBACK, type FeedbackOptions } from './engine-feedback.js';
import { DEFAULT_FUZZY, type FuzzyOptions } from './engine-fuzzy.js';
import type { ProximityOptions } from './engine-proximity.js';

export { DEFAULT_FEEDBACK, DEFAULT_FUZZY };
export type { FeedbackOptions, FuzzyOptions, ProximityOptions };
import type { BM25Params } from './engine-bm25.js';
export { DEFAULT_BM25, type BM25Params } from './engine-bm25.js';

/** Adjacent pairs count at half an average term's idf, stop words between allowed up to a gap of 2. */
export const DEFAULT_PROXIMITY: ProximityOptions = { weight: 0.5, maxGap: 2, k: 1.2 };

/** How many of the best BM25 results the proximity rerank looks at. */
export const DEFAULT_CANDIDATES = 100;

/**
 * How the engine indexes and scores.
 *
 * Defaults: `boosts` 1 per field, `bm25` {@link DEFAULT_BM25}, `storePositions` true,
 * `proximity` {@link DEFAULT_PROXIMITY}, `feedback` false, `fuzzy` {@link DEFAULT_FUZZY},
 * `candidates` 100.
 */
export interface EngineOptions {
  /**
   * Text fields to index, e.g. `['text', 'heading', 'title']`. The first is the main field: its
   * term sequence is kept for proximity, feedback and `termsOf`.
   */
  fields: string[];
  /** Per-field score multipliers, e.g. `{ title: 0.5 }`. Default 1 for every field. */
  boosts?: Record<string, number>;
  /** BM25+ parameters. Default {@link DEFAULT_BM25}: `{ k: 1.2, b: 0.75, d: 0 }`. */
  bm25?: BM25Params;
  /**
   * Keep word positions of the main field, so proximity can tell "Bay of Pigs" (gap 2) from words
   * sentences apart. Without them, consecutive index terms count as adjacent. Default true.
   */
  storePositions?: boolean;
  /**
   * Phrase-proximity rerank; `false` turns it off; a partial object overrides
   * {@link DEFAULT_PROXIMITY} (`{ weight: 0.5, maxGap: 2, k: 1.2 }`) field by field.
   */
  proximity?: Partial<ProximityOptions> | false;
  /**
   * Pseudo-relevance feedback (RM3): `true` for {@link DEFAULT_FEEDBACK} (`{ docs: 10, terms: 20,
   * weight: 0.5 }`), or a partial object overriding it. Default `false`: it helps a collection of
   * thousands (Cranfield +0.015 nDCG@10, +0.019 MAP) but on a few hundred short passages the "top
   * 10" are mostly not about the question, and it doubles the query cost.
   */
  feedback?: Partial<FeedbackOptions> | boolean;
  /** Typo tolerance, overriding {@link DEFAULT_FUZZY} field by field. */
  fuzzy?: Partial<FuzzyOptions>;
  /** How many of the best BM25 results the proximity rerank looks at (at least `limit`). Default 100. */
  candidates?: number;
  /**
   * `compact` (default): the engine's own typed-array index. `minisearch`: minisearch's index and
   * radix tree, the reference the compact index is tested against (same rankings, slower, more memory).
   */
  backend?: 'compact' | 'minisearch';
}

/** One analyzed query term. */
export interface QueryTerm {
  /** An index term, as `analyze()` gives it (folded, stemmed). */
  term: string;
  /** Multiplier of the term's BM25 score: 1 for the user's own terms, below 1 for expansions. */
  weight: number;
  /**
   * Also match near spellings when the term itself is in the vocabulary. Default false: near
   * spellings are only tried for terms the vocabulary lacks.
   */
  fuzzy?: boolean;
}

/** An analyzed query. */
export interface QueryPlan {
  /** The terms to score. A term listed twice keeps its highest weight. */
  terms: QueryTerm[];
  /**
   * Runs of adjacent analyzed query terms, e.g. `[['lisa', 'howard']]`: documents where consecutive
   * terms of a run stand together (in order) rank higher.
   */
  phrases: string[][];
}

/** One search result. */
export interface Hit {
  /** The document's id. */
  id: string;
  /**
   * The document's ordinal: how many documents were added before it. Lets a caller that keeps its
   * documents in an array in the order it added them find one without looking its id up.
   */
  ordinal: number;
  /** Its final score (BM25 plus any proximity bonus); only comparable within one search. */
  score: number;
  /** The plan terms found in the document (a misspelt term counts when a near spelling matched); read only, shared by documents that matched the same terms. */
  matched: readonly string[];
}

/** Options of `SearchEngine.search`. Defaults: `limit` 10, no filter. */
export interface SearchOptions {
  /** How many hits to return, best first. Default 10. */
  limit?: number;
  /** Only documents whose id passes are scored and returned (and feed the feedback pass). */
  filter?: (id: string) => boolean;
}
