/**
 * The PostgreSQL backend behind the retrieval seam: its `Retrieved` (statistics as maps) as the
 * `Retrieval` the answer code reads, so `answer()` quotes, abstains and cites from it exactly as from
 * the in-memory index.
 */
import type { Retrieval, Retriever } from '../../src/retrieval/types.js';
import type { PostgresSearch } from './index.js';
import type { Retrieved } from './retrieve.js';

const NO_TERMS: ReadonlySet<string> = new Set();

/** A PostgreSQL retrieval as the seam's `Retrieval`. */
export function asRetrieval(r: Retrieved): Retrieval {
  return {
    query: r.query,
    hits: r.hits,
    known: (term) => r.terms.get(term)?.known ?? false,
    weight: (term) => r.terms.get(term)?.weight ?? r.unknownWeight,
    near: (term) => r.terms.get(term)?.near ?? [],
    termsOf: (passageId) => r.termsOf.get(passageId) ?? NO_TERMS,
    commentWeight: r.commentWeight,
  };
}

/** Retrieves through PostgreSQL: one await, then everything is as in memory. */
export class PostgresRetriever implements Retriever {
  constructor(private readonly search: PostgresSearch) {}

  async retrieve(question: string, limit: number): Promise<Retrieval> {
    return asRetrieval(await this.search.retrieve(question, limit));
  }
}
