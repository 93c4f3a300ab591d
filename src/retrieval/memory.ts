/**
 * The in-memory retriever: the corpus's own index (`PassageSearch`), its lexicon and the alias table.
 * Synchronous, so `/ask` on it never waits.
 */
import type { AliasTable } from '../search/aliases.js';
import type { PassageSearch } from '../search/passage-search.js';
import { analyzeQuery } from '../search/query.js';
import type { Retrieval, Retriever } from './types.js';

/** What the in-memory retriever reads: a core has both. */
export interface MemoryIndex {
  /** The corpus's index, with its lexicon. */
  search: PassageSearch;
  /** Aliases applied to questions; null: none. */
  aliases: AliasTable | null;
}

export class MemoryRetriever implements Retriever {
  constructor(
    private readonly search: PassageSearch,
    private readonly aliases: AliasTable | null,
  ) {}

  retrieve(question: string, limit: number): Retrieval {
    const { search } = this;
    const known = (term: string) => search.engine.has(term);
    const query = analyzeQuery(question, this.aliases, { known, related: (term) => search.lexicon.related(term), near: (term) => search.engine.nearTerms(term, 1), weight: (term) => search.termWeight(term) });
    return {
      query,
      hits: query.concepts.length ? search.search(query, limit) : [],
      known,
      weight: (term) => search.termWeight(term),
      near: (term) => search.nearWords(term),
      termsOf: (passageId) => search.termsOf(passageId),
    };
  }
}
