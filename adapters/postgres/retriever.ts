/**
 * The PostgreSQL backend behind the retrieval seam: its `Retrieved` (statistics as maps) as the
 * `Retrieval` the answer code reads, so `answer()` quotes, abstains and cites from it exactly as from
 * the in-memory index.
 */
import type { Core } from '../../src/core.js';
import type { Passage } from '../../src/corpus/types.js';
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
  };
}

/** Options of `PostgresRetriever`. */
export interface PostgresRetrieverOptions {
  /**
   * The core the answers are written from, read at each question: its lexicon (saved with its index)
   * expands the question's words as in memory, and its corpus gives the citations. Hits of documents
   * it does not hold are left out: for a moment after a reload, or after a corpus write that failed,
   * the database and the directory hold different corpora. Default: none (no lexicon, every hit kept).
   */
  core?: () => Core | undefined;
}

/** Retrieves through PostgreSQL: one await, then everything is as in memory. */
export class PostgresRetriever implements Retriever {
  constructor(
    private readonly search: PostgresSearch,
    private readonly options: PostgresRetrieverOptions = {},
  ) {}

  async retrieve(question: string, limit: number): Promise<Retrieval> {
    const core = this.options.core?.();
    const lexicon = core?.search.lexicon;
    const retrieved = await this.search.retrieve(question, limit, lexicon && ((term) => lexicon.related(term)));
    if (!core) return asRetrieval(retrieved);
    const documents = core.corpus.documentById;
    const held = retrieved.hits.filter((hit) => documents.has(hit.passage.docId));
    return asRetrieval({ ...retrieved, hits: held.map((hit) => ownPassage(hit, core.corpus.passageById)) });
  }
}

/**
 * A hit with the core's own passage in place of the database's copy of it, when the core holds the same
 * text under that id: what answering keeps per passage (its sentences' analysis, the dates its narrative
 * gives it, the passage that continues it) is found by the passage itself, and a copy found none of it.
 */
function ownPassage<H extends { passage: Passage }>(hit: H, passages: ReadonlyMap<string, Passage>): H {
  const own = passages.get(hit.passage.id);
  return own && own !== hit.passage && own.text === hit.passage.text ? { ...hit, passage: own } : hit;
}
