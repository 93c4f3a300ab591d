/**
 * What the engine keeps beside minisearch's inverted index: the vocabulary with document
 * frequencies (over all fields), and each document's analyzed term sequence of its main field, with
 * positions, for proximity scoring, feedback and overlap checks.
 *
 * Terms are interned to integer ids so that a stored sequence costs 4 bytes a term (8 with
 * positions), not a string each.
 */
import MiniSearch from 'minisearch';

/** minisearch with access to its radix tree, for typo-tolerant vocabulary lookups. */
export class MiniIndex extends MiniSearch<Record<string, string>> {
  /** Indexed terms within `maxDistance` edits of `term`, with their distance (exact match excluded). */
  nearTerms(term: string, maxDistance: number): Array<{ term: string; distance: number }> {
    const out: Array<{ term: string; distance: number }> = [];
    for (const [near, [, distance]] of this._index.fuzzyGet(term, maxDistance)) {
      if (distance > 0) out.push({ term: near, distance });
    }
    return out;
  }
}

/** A document's analyzed main field: term ids and word positions (stop words counted). */
export interface TermSequence {
  ids: Uint32Array;
  /** Same length as `ids`; empty when positions are not stored. */
  positions: Uint32Array;
}

export class TermStore {
  private readonly idOf = new Map<string, number>();
  private readonly termOf: string[] = [];
  private df: number[] = [];
  private readonly docIndex = new Map<string, number>();
  private readonly sequences: TermSequence[] = [];
  private totalLength = 0;

  /** Number of documents added. */
  get documentCount(): number {
    return this.sequences.length;
  }

  /** Mean length (in terms) of the stored main-field sequences. */
  get averageLength(): number {
    return this.sequences.length === 0 ? 0 : this.totalLength / this.sequences.length;
  }

  /** The term's id, or undefined when it is not in the vocabulary. */
  id(term: string): number | undefined {
    return this.idOf.get(term);
  }

  term(id: number): string {
    return this.termOf[id] ?? '';
  }

  /** In how many documents the term occurs, in any field. */
  documentFrequency(term: string): number {
    const id = this.idOf.get(term);
    return id === undefined ? 0 : (this.df[id] ?? 0);
  }

  private intern(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.termOf.length;
      this.idOf.set(term, id);
      this.termOf.push(term);
      this.df.push(0);
    }
    return id;
  }

  /**
   * Records one document: `main` is its main field's analyzed tokens, `others` the terms of its
   * other fields (for document frequencies only).
   */
  add(
    docId: string,
    main: ReadonlyArray<{ term: string; position: number }>,
    others: ReadonlyArray<string>,
    keepPositions: boolean,
  ): void {
    const ids = new Uint32Array(main.length);
    const positions = new Uint32Array(keepPositions ? main.length : 0);
    const seen = new Set<number>();
    main.forEach((token, k) => {
      const id = this.intern(token.term);
      ids[k] = id;
      if (keepPositions) positions[k] = token.position;
      seen.add(id);
    });
    for (const term of others) seen.add(this.intern(term));
    for (const id of seen) this.df[id] = (this.df[id] ?? 0) + 1;
    this.docIndex.set(docId, this.sequences.length);
    this.sequences.push({ ids, positions });
    this.totalLength += ids.length;
  }

  has(docId: string): boolean {
    return this.docIndex.has(docId);
  }

  /** The stored main-field sequence of a document, or undefined for an unknown id. */
  sequence(docId: string): TermSequence | undefined {
    const index = this.docIndex.get(docId);
    return index === undefined ? undefined : this.sequences[index];
  }
}
