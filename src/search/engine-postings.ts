/**
 * The engine's own inverted index: postings packed into typed arrays (one CSR layout per field:
 * per-term offsets, document ordinals, term frequencies), each posting's query-independent part of
 * BM25 precomputed (its impact), and a search that adds the lists term at a time into per-document
 * sums reused from query to query (engine-accumulate.ts) and keeps the best `count` in a bounded
 * heap: a query allocates nothing per posting and never materialises the full result set.
 *
 * It scores exactly as minisearch 7.2 does for the engine's queries (same field lengths — distinct
 * terms per field —, same incremental average length, same per-field document frequency, same
 * floating-point evaluation order), so rankings are identical to the minisearch reference path;
 * tests compare the two on random corpora and queries.
 */
import type { BM25Params } from './engine-types.js';
import { COLLECT_MAX, offerTouched, type Accumulator, type AccumulatorKind } from './engine-accumulate.js';
import { makeAccumulator } from './engine-accumulate-wasm.js';
import { sortTopDocs, TopDocs, type TopDoc } from './engine-top.js';

export type { TopDoc };

/** A growable Uint32Array. */
export class U32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** The filled part (a view). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
  /** A growable array over `values` (not copied; the first push past its end copies). */
  static of(values: Uint32Array): U32 {
    const u = new U32(16);
    u.data = values.length ? values : u.data;
    u.length = values.length;
    return u;
  }
}

/** A term to score: its id, its weight (minisearch's `termBoost`). */
export interface ScoredLeaf {
  id: number;
  weight: number;
}

/** One field's postings in CSR layout. */
export interface FieldPostings {
  /** `termCount + 1` offsets into `docs`/`tfs`. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint32Array;
}

/** What the postings index saves and restores. */
export interface PostingsState {
  termCount: number;
  docCount: number;
  fields: FieldPostings[];
  /** Per field, per document: distinct terms in the field (minisearch's field length); 0 when absent. */
  lengths: Uint32Array[];
  /** Per field: minisearch's incremental mean field length. */
  averages: Float64Array;
}

/** Most leaves whose matches `search` reports as a bit mask. */
export const MASKED_LEAVES = 31;

export class PostingsIndex {
  private readonly fieldCount: number;
  /** Per field, triples of (term, doc, tf) not yet packed. */
  private pendingTerms: U32[];
  private pendingDocs: U32[];
  private pendingTfs: U32[];
  private lengths: U32[];
  private readonly averages: Float64Array;
  private docCount = 0;
  private packed: FieldPostings[] | null = null;
  private packedTerms = 0;
  /** The impacts and the search's scratch, for `impactParams`; made again when documents or parameters change. */
  private accumulator: Accumulator | null = null;
  private impactParams: BM25Params | null = null;
  private tfScratch: Map<number, number> = new Map();

  /** `kernel`: the search's inner loops in WebAssembly (the default, when it can be had) or JavaScript. */
  constructor(
    fieldCount: number,
    private readonly kernel: AccumulatorKind = 'wasm',
  ) {
    this.fieldCount = fieldCount;
    this.pendingTerms = Array.from({ length: fieldCount }, () => new U32());
    this.pendingDocs = Array.from({ length: fieldCount }, () => new U32());
    this.pendingTfs = Array.from({ length: fieldCount }, () => new U32());
    this.lengths = Array.from({ length: fieldCount }, () => new U32());
    this.averages = new Float64Array(fieldCount);
  }

  get documentCount(): number {
    return this.docCount;
  }

  /**
   * Adds the next document: per field its term ids (occurrences, any order), or null when the
   * document lacks the field (minisearch then skips it, leaving the average untouched).
   */
  add(fieldTerms: ReadonlyArray<ArrayLike<number> | null>): number {
    this.unpack();
    const doc = this.docCount++;
    for (let f = 0; f < this.fieldCount; f++) {
      const terms = fieldTerms[f];
      if (!terms) {
        this.lengths[f]!.push(0);
        continue;
      }
      const tf = this.tfScratch;
      tf.clear();
      for (let i = 0; i < terms.length; i++) tf.set(terms[i]!, (tf.get(terms[i]!) ?? 0) + 1);
      const length = tf.size;
      this.lengths[f]!.push(length);
      // minisearch's addFieldLength, operation for operation.
      const average = this.averages[f] || 0;
      const total = average * doc + length;
      this.averages[f] = total / (doc + 1);
      for (const [term, count] of tf) {
        this.pendingTerms[f]!.push(term);
        this.pendingDocs[f]!.push(doc);
        this.pendingTfs[f]!.push(count);
      }
    }
    this.accumulator = null;
    return doc;
  }

  /** Packs pending postings into CSR arrays for `termCount` terms (ids 0…termCount−1). */
  pack(termCount: number): void {
    if (this.packed && this.packedTerms === termCount) return;
    this.unpack();
    this.packed = [];
    for (let f = 0; f < this.fieldCount; f++) {
      const terms = this.pendingTerms[f]!.view();
      const docs = this.pendingDocs[f]!.view();
      const tfs = this.pendingTfs[f]!.view();
      const offsets = new Uint32Array(termCount + 1);
      for (let i = 0; i < terms.length; i++) offsets[terms[i]! + 1]!++;
      for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
      const fill = offsets.slice(0, termCount);
      const outDocs = new Uint32Array(terms.length);
      const outTfs = new Uint32Array(terms.length);
      // Triples arrive in document order, so each term's postings come out sorted by document.
      for (let i = 0; i < terms.length; i++) {
        const at = fill[terms[i]!]!++;
        outDocs[at] = docs[i]!;
        outTfs[at] = tfs[i]!;
      }
      this.packed.push({ offsets, docs: outDocs, tfs: outTfs });
    }
    this.packedTerms = termCount;
    this.pendingTerms = this.pendingTerms.map(() => new U32(16));
    this.pendingDocs = this.pendingDocs.map(() => new U32(16));
    this.pendingTfs = this.pendingTfs.map(() => new U32(16));
  }

  /** Turns packed postings back into pending triples, in document order, before more documents are added. */
  private unpack(): void {
    if (!this.packed) return;
    const packed = this.packed;
    this.packed = null;
    for (let f = 0; f < this.fieldCount; f++) {
      const { offsets, docs, tfs } = packed[f]!;
      const n = docs.length;
      const order = new Uint32Array(n);
      const termOf = new Uint32Array(n);
      for (let t = 0; t + 1 < offsets.length; t++) for (let p = offsets[t]!; p < offsets[t + 1]!; p++) termOf[p] = t;
      for (let p = 0; p < n; p++) order[p] = p;
      order.sort((a, b) => docs[a]! - docs[b]! || a - b);
      const terms = new U32(n + 16);
      const ds = new U32(n + 16);
      const ts = new U32(n + 16);
      for (const p of order) {
        terms.push(termOf[p]!);
        ds.push(docs[p]!);
        ts.push(tfs[p]!);
      }
      this.pendingTerms[f] = terms;
      this.pendingDocs[f] = ds;
      this.pendingTfs[f] = ts;
    }
  }

  /** The packed index, for saving. Call `pack` first. */
  state(): PostingsState {
    if (!this.packed) throw new Error('PostingsIndex.state() before pack()');
    return {
      termCount: this.packedTerms,
      docCount: this.docCount,
      fields: this.packed,
      lengths: this.lengths.map((l) => l.view()),
      averages: this.averages,
    };
  }

  static fromState(state: PostingsState, kernel: AccumulatorKind = 'wasm'): PostingsIndex {
    const index = new PostingsIndex(state.fields.length, kernel);
    if (state.lengths.length !== state.fields.length || state.averages.length !== state.fields.length) throw new Error('postings state: field counts differ');
    for (const [f, fp] of state.fields.entries()) {
      if (fp.offsets.length !== state.termCount + 1 || fp.docs.length !== fp.tfs.length || fp.offsets[state.termCount] !== fp.docs.length) {
        throw new Error('postings state: inconsistent arrays');
      }
      if (state.lengths[f]!.length !== state.docCount) throw new Error('postings state: lengths do not match the document count');
    }
    index.packed = state.fields;
    index.packedTerms = state.termCount;
    index.docCount = state.docCount;
    index.lengths = state.lengths.map((l) => U32.of(l));
    index.averages.set(state.averages);
    return index;
  }

  /** Makes what the search reads (the impacts) now, so that the first search does not. Call `pack` first. */
  prepare(bm25: BM25Params): void {
    this.accumulatorFor(bm25);
  }

  /** Which implementation the search's inner loops run in (see `makeAccumulator`); null before the first search or `prepare`. */
  get kernelKind(): AccumulatorKind | null {
    return this.accumulator?.kind ?? null;
  }

  /**
   * The accumulator over the packed postings, with per field, per posting, minisearch's
   * `floor + tf·(k+1)/(tf + norm)`, `norm` its `k · (1 − b + b · length / average)` of the posting's
   * document — the part of a term's score that does not depend on the query (its impact), evaluated
   * as minisearch evaluates it, so that a score made from it is the same number to the last bit.
   * Reading it in posting order spares the search a random read of the document's norm per posting.
   * Made by `prepare` or the first search, again when documents or parameters change.
   */
  private accumulatorFor(bm25: BM25Params): Accumulator {
    const packed = this.packed;
    if (!packed) throw new Error('PostingsIndex: impacts before pack()');
    if (this.accumulator && this.impactParams === bm25) return this.accumulator;
    const { k, b, d: floor } = bm25;
    const k1 = k + 1;
    const fill = (f: number, out: Float64Array) => {
      const avg = this.averages[f]!;
      const lengths = this.lengths[f]!.view();
      const norms = new Float64Array(this.docCount);
      for (let d = 0; d < this.docCount; d++) norms[d] = k * (1 - b + (b * lengths[d]!) / avg);
      const { docs, tfs } = packed[f]!;
      for (let p = 0; p < docs.length; p++) {
        const tf = tfs[p]!;
        out[p] = floor + (tf * k1) / (tf + norms[docs[p]!]!);
      }
    };
    this.accumulator = makeAccumulator(
      packed.map((field) => field.docs),
      this.docCount,
      fill,
      this.kernel,
    );
    this.impactParams = bm25;
    return this.accumulator;
  }

  /**
   * BM25 of the leaves over the fields (boosts per field), summed as minisearch sums them (per leaf
   * over fields, then over leaves in order), times and divided by the number of leaves matched, and
   * the best `count` documents by (score desc, rank asc — `ranks` gives per document its place in the
   * tie order), passing `accept` when given.
   *
   * Term at a time: each list is added into per-document sums, leaf by leaf (fields in order within a
   * leaf), so the sums are the same numbers as minisearch's; the best `count` of the documents touched
   * are then kept (in the accumulator's heap, or, with `accept`, offered to one here). Each posting
   * costs a sequential read of its list and a random access to its document's sum and matched leaves
   * (the accumulator's loops, in WebAssembly). Measured on the
   * 107 MB JFK release: ~1.8× faster than merging the lists document at a time with MaxScore pruning,
   * which skipped little on these queries (their words are common: θ for the best 100 is reached by
   * two or three of them, so no list is ever non-essential for long); the loops in WebAssembly made it
   * ~2× faster again.
   */
  search(
    leaves: readonly ScoredLeaf[],
    boosts: readonly number[],
    bm25: BM25Params,
    count: number,
    ranks: Uint32Array,
    accept?: (doc: number) => boolean,
  ): TopDoc[] {
    const packed: FieldPostings[] | null = this.packed;
    if (!packed) throw new Error('PostingsIndex.search() before pack()');
    if (count <= 0 || this.docCount === 0) return [];
    const acc = this.accumulatorFor(bm25);
    const N = this.docCount;
    // Past MASKED_LEAVES leaves, a document's `seen` counts its leaves instead of naming them.
    const counting = leaves.length > MASKED_LEAVES;
    let touched = 0;
    for (let k = 0; k < leaves.length; k++) {
      const leaf = leaves[k]!;
      if (leaf.id >= this.packedTerms) continue;
      let fieldsWith = 0;
      for (let f = 0; f < this.fieldCount; f++) if (packed[f]!.offsets[leaf.id + 1]! > packed[f]!.offsets[leaf.id]!) fieldsWith++;
      if (fieldsWith === 0) continue;
      const bit = counting ? 1 : 1 << k;
      // One field: its parts go straight into the sums. Several: summed per document first, as
      // minisearch sums a term's fields.
      let leafCount = 0;
      for (let f = 0; f < this.fieldCount; f++) {
        const lo = packed[f]!.offsets[leaf.id]!;
        const hi = packed[f]!.offsets[leaf.id + 1]!;
        if (hi === lo) continue;
        const df = hi - lo;
        const w = leaf.weight * boosts[f]!;
        const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        if (fieldsWith === 1) touched = acc.add(f, lo, hi, w, idf, bit, counting, touched);
        else leafCount = acc.addLeaf(f, lo, hi, w, idf, leafCount);
      }
      if (leafCount > 0) touched = acc.fold(leafCount, bit, counting, touched);
    }
    if (!accept && count <= COLLECT_MAX) return sortTopDocs(acc.select(touched, count, counting, ranks), ranks);
    // Every document touched, offered to a heap here, where `accept` may turn some away.
    const top = new TopDocs(count, ranks);
    offerTouched(acc, touched, counting, top, accept);
    return top.sorted();
  }

  /** True when the term occurs in the document in some field (binary search of its postings). */
  contains(term: number, doc: number): boolean {
    const packed: FieldPostings[] | null = this.packed;
    if (!packed || term >= this.packedTerms) return false;
    for (const field of packed) {
      const offsets: Uint32Array = field.offsets;
      const docs: Uint32Array = field.docs;
      let lo: number = offsets[term]!;
      let hi: number = offsets[term + 1]!;
      while (lo < hi) {
        const mid: number = (lo + hi) >>> 1;
        const v: number = docs[mid]!;
        if (v === doc) return true;
        if (v < doc) lo = mid + 1;
        else hi = mid;
      }
    }
    return false;
  }
}

/**
 * Indexed terms within `maxDistance` edits (Levenshtein, UTF-16 units) of `term`, found by a
 * depth-first walk of the sorted vocabulary (`words`, in UTF-16 order) as an implicit trie; the exact
 * term excluded.
 */
export function nearTermsSorted(term: string, maxDistance: number, words: readonly string[]): Array<{ term: string; distance: number }> {
  const out: Array<{ term: string; distance: number }> = [];
  const m = term.length;
  const rows: Int32Array[] = [new Int32Array(m + 1)];
  for (let j = 0; j <= m; j++) rows[0]![j] = j;
  const walk = (depth: number, lo: number, hi: number, prev: Int32Array) => {
    let p = lo;
    if (p < hi && words[p]!.length === depth) {
      const distance = prev[m]!;
      if (distance <= maxDistance && distance > 0) out.push({ term: words[p]!, distance });
      p++;
    }
    const next = (rows[depth + 1] ??= new Int32Array(m + 1));
    while (p < hi) {
      const c = words[p]!.charCodeAt(depth);
      // First index in [p, hi) whose character at `depth` is greater than c.
      let a = p + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (words[mid]!.charCodeAt(depth) <= c) a = mid + 1;
        else b = mid;
      }
      next[0] = prev[0]! + 1;
      let best = next[0]!;
      for (let j = 1; j <= m; j++) {
        let v = prev[j - 1]! + (term.charCodeAt(j - 1) === c ? 0 : 1);
        if (prev[j]! + 1 < v) v = prev[j]! + 1;
        if (next[j - 1]! + 1 < v) v = next[j - 1]! + 1;
        next[j] = v;
        if (v < best) best = v;
      }
      if (best <= maxDistance) walk(depth + 1, p, a, next);
      p = a;
    }
  };
  walk(0, 0, words.length, rows[0]!);
  return out;
}
