/**
 * What the engine keeps beside its inverted index: the vocabulary with document frequencies (over
 * all fields), and each document's analyzed term sequence of its main field, with positions, for
 * proximity scoring, feedback and overlap checks.
 *
 * Terms are interned to integer ids, and all sequences are packed into two shared typed arrays, so a
 * stored term costs 4 bytes (8 with positions) and a document no object of its own.
 */
import MiniSearch from 'minisearch';
import { U32 } from './engine-postings.js';

/** minisearch with access to its radix tree, for typo-tolerant vocabulary lookups (the reference path). */
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

/** What the term store saves and restores. */
export interface TermStoreState {
  terms: string[];
  df: Uint32Array;
  docIds: string[];
  /** `docIds.length + 1` offsets into `ids` (and `positions`). */
  starts: Uint32Array;
  ids: Uint32Array;
  /** Empty when positions are not kept. */
  positions: Uint32Array;
  /** null before the first document. */
  keepsPositions: boolean | null;
}

const NO_POSITIONS = new Uint32Array(0);

/** Most terms a loaded store remembers having looked up (see `TermStore.lookedUp`). */
const LOOKED_UP_MAX = 50_000;

export class TermStore {
  /**
   * Term → id. A loaded store starts without it (null): building it for a vocabulary of 770,000 took
   * 0.5 s of a 4.4 s load; `sorted` finds a term by binary search instead, until a document is added.
   */
  private idOf: Map<string, number> | null = new Map();
  /** A loaded store's term ids in term order (UTF-16), while `idOf` is null. */
  private sorted: Uint32Array | null = null;
  /**
   * The terms `sorted` was searched for, with their ids (−1: not in the vocabulary): a question looks
   * up some 150 terms, most of them more than once. Emptied when it reaches `LOOKED_UP_MAX`.
   */
  private lookedUp = new Map<string, number>();
  private termOf: string[] = [];
  private df = new U32();
  private docIndex = new Map<string, number>();
  private docIds: string[] = [];
  private starts = U32.of(new Uint32Array([0]));
  private ids = new U32();
  private positions = new U32();
  private keepsPositions: boolean | null = null;

  /** Number of documents added. */
  get documentCount(): number {
    return this.docIds.length;
  }

  /** Number of distinct terms. */
  get termCount(): number {
    return this.termOf.length;
  }

  /** Mean length (in terms) of the stored main-field sequences. */
  get averageLength(): number {
    return this.docIds.length === 0 ? 0 : this.ids.length / this.docIds.length;
  }

  /** The term's id, or undefined when it is not in the vocabulary. */
  id(term: string): number | undefined {
    return this.idOf ? this.idOf.get(term) : this.lookUp(term);
  }

  /** `id` by binary search over `sorted`, remembered. */
  private lookUp(term: string): number | undefined {
    let found = this.lookedUp.get(term);
    if (found === undefined) {
      found = -1;
      const sorted = this.sorted!;
      const terms = this.termOf;
      let low = 0;
      let high = sorted.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const id = sorted[middle]!;
        const at = terms[id]!;
        if (at === term) {
          found = id;
          break;
        }
        if (at < term) low = middle + 1;
        else high = middle - 1;
      }
      if (this.lookedUp.size >= LOOKED_UP_MAX) this.lookedUp.clear();
      this.lookedUp.set(term, found);
    }
    return found < 0 ? undefined : found;
  }

  /**
   * `idOf`, made from the vocabulary when the store was loaded without it; the vocabulary is then
   * copied, as it is about to grow, and the saved state's is not this store's to change.
   */
  private idMap(): Map<string, number> {
    if (!this.idOf) {
      this.termOf = this.termOf.slice();
      this.idOf = new Map();
      for (let i = 0; i < this.termOf.length; i++) this.idOf.set(this.termOf[i]!, i);
      this.sorted = null;
      this.lookedUp.clear();
    }
    return this.idOf;
  }

  term(id: number): string {
    return this.termOf[id] ?? '';
  }

  /** In how many documents the term occurs, in any field. */
  documentFrequency(term: string): number {
    const id = this.id(term);
    return id === undefined ? 0 : (this.df.data[id] ?? 0);
  }

  /** The term's id, interning it when new. */
  intern(term: string): number {
    const idOf = this.idMap();
    let id = idOf.get(term);
    if (id === undefined) {
      id = this.termOf.length;
      idOf.set(term, id);
      this.termOf.push(term);
      this.df.push(0);
    }
    return id;
  }

  /**
   * Records one document: `main` its main field's term ids and positions, `others` the term ids of
   * its other fields (for document frequencies only). Returns the document's ordinal.
   */
  addIds(docId: string, main: ArrayLike<number>, mainPositions: ArrayLike<number> | null, others: ArrayLike<number>): number {
    const keep = mainPositions !== null;
    this.keepsPositions ??= keep;
    if (this.keepsPositions !== keep) throw new Error('TermStore: every document must keep positions, or none');
    const seen = new Set<number>();
    for (let k = 0; k < main.length; k++) {
      const id = main[k]!;
      this.ids.push(id);
      if (mainPositions) this.positions.push(mainPositions[k]!);
      seen.add(id);
    }
    for (let k = 0; k < others.length; k++) seen.add(others[k]!);
    for (const id of seen) this.df.data[id]!++;
    const ordinal = this.docIds.length;
    this.docIndex.set(docId, ordinal);
    this.docIds.push(docId);
    this.starts.push(this.ids.length);
    return ordinal;
  }

  /** Same as `addIds`, from analyzed tokens and term strings. */
  add(
    docId: string,
    main: ReadonlyArray<{ term: string; position: number }>,
    others: ReadonlyArray<string>,
    keepPositions: boolean,
  ): number {
    return this.addIds(
      docId,
      main.map((t) => this.intern(t.term)),
      keepPositions ? main.map((t) => t.position) : null,
      others.map((t) => this.intern(t)),
    );
  }

  has(docId: string): boolean {
    return this.docIndex.has(docId);
  }

  /** The document's ordinal, or undefined for an unknown id. */
  ordinal(docId: string): number | undefined {
    return this.docIndex.get(docId);
  }

  /** The id of the document with this ordinal. */
  docId(ordinal: number): string {
    return this.docIds[ordinal] ?? '';
  }

  /** The stored main-field sequence of a document, or undefined for an unknown id. */
  sequence(docId: string): TermSequence | undefined {
    const index = this.docIndex.get(docId);
    return index === undefined ? undefined : this.sequenceAt(index);
  }

  /**
   * Every document's term ids, end to end (document `o`'s from `starts[o]` to `starts[o + 1]`), and
   * their positions (null when not kept): for scanning many documents without a view of each. Valid
   * until the next document is added.
   */
  sequences(): { ids: Uint32Array; positions: Uint32Array | null; starts: Uint32Array } {
    return { ids: this.ids.data, positions: this.keepsPositions ? this.positions.data : null, starts: this.starts.data };
  }

  sequenceAt(ordinal: number): TermSequence {
    const start = this.starts.data[ordinal]!;
    const end = this.starts.data[ordinal + 1]!;
    return {
      ids: this.ids.data.subarray(start, end),
      positions: this.keepsPositions ? this.positions.data.subarray(start, end) : NO_POSITIONS,
    };
  }

  /**
   * Per term id: its place when terms are ordered rarest first (fewest documents, then id). A
   * counting sort by document frequency: linear in the vocabulary.
   */
  rarityRanks(): Uint32Array {
    const n = this.termOf.length;
    const df = this.df.view();
    let most = 0;
    for (let t = 0; t < n; t++) if (df[t]! > most) most = df[t]!;
    const starts = new Uint32Array(most + 2);
    for (let t = 0; t < n; t++) starts[df[t]! + 1]!++;
    for (let f = 1; f < starts.length; f++) starts[f]! += starts[f - 1]!;
    const ranks = new Uint32Array(n);
    for (let t = 0; t < n; t++) ranks[t] = starts[df[t]!]!++;
    return ranks;
  }

  /**
   * Per document ordinal: its place when documents are ordered by id (UTF-16 order) — the order in
   * which documents of equal score rank, as minisearch's results sorted by id have them.
   */
  documentOrder(): Uint32Array {
    const sorted = [...this.docIds].sort();
    const order = new Uint32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) order[this.docIndex.get(sorted[i]!)!] = i;
    return order;
  }

  /** Term ids sorted by term (UTF-16 order), for near-spelling lookups. */
  sortedTerms(): Uint32Array {
    const sorted = [...this.termOf].sort();
    const order = new Uint32Array(sorted.length);
    const idOf = this.idMap();
    for (let i = 0; i < sorted.length; i++) order[i] = idOf.get(sorted[i]!)!;
    return order;
  }

  state(): TermStoreState {
    return {
      terms: this.termOf,
      df: this.df.view(),
      docIds: this.docIds,
      starts: this.starts.view(),
      ids: this.ids.view(),
      positions: this.keepsPositions ? this.positions.view() : NO_POSITIONS,
      keepsPositions: this.keepsPositions,
    };
  }

  /**
   * A store over a saved state. `sorted`, the term ids in term order (the engine saves them for
   * near-spelling lookups), finds terms by binary search. Its order is taken as saved (the saved
   * file's checksum vouches for it; checking it string by string took 0.3 s of a load), its ids are
   * checked in range.
   */
  static fromState(state: TermStoreState, sorted: Uint32Array): TermStore {
    const store = new TermStore();
    const n = state.docIds.length;
    if (state.df.length !== state.terms.length || state.starts.length !== n + 1 || state.starts[n] !== state.ids.length) {
      throw new Error('term store state: inconsistent arrays');
    }
    if (state.keepsPositions && state.positions.length !== state.ids.length) throw new Error('term store state: positions do not match');
    const terms = state.terms;
    if (sorted.length !== terms.length) throw new Error('term store state: the sorted vocabulary has the wrong length');
    for (let i = 0; i < sorted.length; i++) if (sorted[i]! >= terms.length) throw new Error('term store state: a sorted term id is out of range');
    store.termOf = terms;
    store.idOf = null;
    store.sorted = sorted;
    store.df = U32.of(state.df);
    store.docIds = state.docIds;
    // Filled by a loop, without a [key, value] pair allocated per document.
    store.docIndex = new Map();
    for (let i = 0; i < n; i++) store.docIndex.set(state.docIds[i]!, i);
    store.starts = U32.of(state.starts);
    store.ids = U32.of(state.ids);
    store.positions = U32.of(state.positions);
    store.keepsPositions = state.keepsPositions;
    return store;
  }
}
