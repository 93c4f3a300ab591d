/**
 * The seam between retrieval and answering. A retriever reads a question against its corpus and
 * returns, in one `Retrieval`, everything the answer code reads: the question analyzed against the
 * corpus's vocabulary, the best passages, and the statistics of the question's words. The answer code
 * (`src/answer/`) takes a `Retrieval` and nothing else of the search; the in-memory engine
 * (`memory.ts`) is the first retriever. A retriever backed by a server returns a promise; everything
 * after it is synchronous.
 */
import type { Passage } from '../corpus/types.js';
import type { AnalyzedQuery } from '../search/query-types.js';

export type { AnalyzedQuery, ConceptTerm } from '../search/query-types.js';
export type { QuestionPeriod, QuestionType } from '../search/query.js';

/** A word of the index within two edits of a question's word. */
export interface NearWord {
  term: string;
  distance: number;
}

/** A term's near words, closest first (the engine's own type). */
export type { NearWords } from '../search/engine-fuzzy.js';

/** One ranked passage. */
export interface RetrievedHit {
  passage: Passage;
  /** Its score, reader comments already weighted down. */
  score: number;
  /** The query terms (the user's and expansions) it holds. */
  matched: readonly string[];
}

/** What answering one question reads from retrieval. */
export interface Retrieval {
  /** The question, analyzed against this corpus (aliases, lexicon, answer type, period). */
  query: AnalyzedQuery;
  /** The best passages, best first, near-duplicates removed. */
  hits: RetrievedHit[];
  /** Whether any passage holds the analyzed term. */
  known(term: string): boolean;
  /** The term's IDF; a term no passage holds weighs half as much again as the rarest term. */
  weight(term: string): number;
  /** The index's words within two edits of a term (itself at 0 when known). */
  near(term: string): readonly NearWord[];
  /** A hit's analyzed terms: its text and heading, and its document's title line. */
  termsOf(passageId: string): ReadonlySet<string>;
}

/** Retrieves for a question: `limit` passages at most. */
export interface Retriever {
  retrieve(question: string, limit: number): Retrieval | Promise<Retrieval>;
}
