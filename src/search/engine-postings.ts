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
import { bm25Norm, type BM25Params } from './engine-bm25.js';
import { APPROXIMATE_RANGE, COLLECT_MAX, type Accumulator, type AccumulatorKind } from './engine-accumulate.js';
import { makeAccumulator } from './engine-accumulate-wasm.js';
import { bestFirst, bitCount, TopDocs, type TopDoc } from './engine-top.js';

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
   * The accumulator over the packed postings and their term frequencies, with per field and document
   * minisearch's `norm`, `k · (1 − b + b · length / average)`: a posting's impact, the part of a
   * term's score that does not depend on the query, is `floor + tf·(k+1)/(tf + norm)`, evaluated as
   * minisearch evaluates it. Made by `prepare` or the first search, again when documents or
   * parameters change.
   */
  private accumulatorFor(bm25: BM25Params): Accumulator {
    const packed = this.packed;
    if (!packed) throw new Error('PostingsIndex: impacts before pack()');
    if (this.accumulator && this.impactParams === bm25) return this.accumulator;
    const { k, d: floor } = bm25;
    const norms = packed.map((_, f) => {
      const avg = this.averages[f]!;
      const lengths = this.lengths[f]!.view();
      const out = new Float64Array(this.docCount);
      for (let d = 0; d < this.docCount; d++) out[d] = bm25Norm(bm25, lengths[d]!, avg);
      return out;
    });
    this.accumulator = makeAccumulator(
      packed.map((field) => field.docs),
      packed.map((field) => field.tfs),
      this.docCount,
      { k1: k + 1, floor, norms },
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
   * Two passes (see engine-accumulate.ts). First every list is added, term at a time, into f32 sums
   * of `weight · impact` (weights scaled so the largest is 1); the documents whose sum comes within
   * `approximationRatio` of the `count`-th largest are the candidates. Each f32 sum is within a
   * relative δ of the document's score, so a document whose score reaches the `count`-th best
   * (which is at least the `count`-th largest sum over 1 + δ) has a sum of at least (1 − δ)/(1 + δ)
   * of it: the candidates hold every document of the best `count`, ties included. Then each list is
   * searched for the candidates alone and their scores summed exactly, in f64, in minisearch's order.
   * With `accept`, more than COLLECT_MAX asked for, or weights the bound does not cover (zero,
   * negative, not finite, or spread over more than 2⁶⁰), every document touched is a candidate.
   *
   * Measured on the 107 MB JFK release: about twice as fast as adding exact f64 sums and reading
   * every touched document back (the sums, 4 bytes a document, stay in cache and are read 16 at a
   * time; ~100 candidates are looked up in the lists instead of ~50,000 documents read back).
   */
  search(leaves: readonly ScoredLeaf[], boosts: readonly number[], bm25: BM25Params, count: number, ranks: Uint32Array, accept?: (doc: number) => boolean): TopDoc[] {
    return this.searchAs(topDoc, leaves, boosts, bm25, count, ranks, accept);
  }

  /**
   * `search`, each document found made by `make` from its ordinal, score and matched leaves (see
   * `TopDoc`): the engine makes its own results so, with no `TopDoc` made on the way.
   */
  searchAs<T>(
    make: (doc: number, score: number, matched: number) => T,
    leaves: readonly ScoredLeaf[],
    boosts: readonly number[],
    bm25: BM25Params,
    count: number,
    ranks: Uint32Array,
    accept?: (doc: number) => boolean,
  ): T[] {
    const packed: FieldPostings[] | null = this.packed;
    if (!packed) throw new Error('PostingsIndex.search() before pack()');
    if (count <= 0 || this.docCount === 0) return [];
    const acc = this.accumulatorFor(bm25);
    const N = this.docCount;
    // Past MASKED_LEAVES leaves, a document's `seen` counts its leaves instead of naming them.
    const counting = leaves.length > MASKED_LEAVES;
    const lists: SearchList[] = [];
    let heaviest = 0;
    let lightest = Infinity;
    for (let k = 0; k < leaves.length; k++) {
      const leaf = leaves[k]!;
      if (leaf.id >= this.packedTerms) continue;
      const first = lists.length;
      for (let f = 0; f < this.fieldCount; f++) {
        const lo = packed[f]!.offsets[leaf.id]!;
        const hi = packed[f]!.offsets[leaf.id + 1]!;
        if (hi === lo) continue;
        const df = hi - lo;
        const w = leaf.weight * boosts[f]!;
        const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        const weight = w * idf;
        lists.push({ leaf: k, field: f, lo, hi, w, idf, weight, alone: false });
        if (weight > heaviest) heaviest = weight;
        if (!(weight >= lightest)) lightest = weight;
      }
      // One field: its parts go straight into the sums. Several: summed per document first, as
      // minisearch sums a term's fields.
      if (lists.length === first + 1) lists[first]!.alone = true;
    }
    if (lists.length === 0) return [];
    const approximate = !accept && count <= COLLECT_MAX && acc.bounded && lightest > 0 && heaviest < Infinity && heaviest / lightest <= APPROXIMATE_RANGE;
    for (const list of lists) {
      if (approximate) acc.add(list.field, list.lo, list.hi, list.weight / heaviest);
      else acc.touch(list.field, list.lo, list.hi);
    }
    const n = acc.collect(approximate ? count : 0, approximationRatio(lists.length));
    for (let i = 0; i < lists.length; ) {
      const list = lists[i]!;
      const bit = counting ? 1 : 1 << list.leaf;
      if (list.alone) {
        acc.exact(list.field, list.lo, list.hi, list.w, list.idf, bit, counting, false, n);
        i++;
        continue;
      }
      for (; i < lists.length && lists[i]!.leaf === list.leaf; i++) {
        const part = lists[i]!;
        acc.exact(part.field, part.lo, part.hi, part.w, part.idf, bit, counting, true, n);
      }
      acc.fold(n, bit, counting);
    }
    const { candidates, exactSums, seen } = acc;
    let top: T[];
    if (approximate) {
      const scores: number[] = [];
      for (let i = 0; i < n; i++) scores.push(scoreOf(exactSums[i]!, seen[i]!, counting));
      top = bestFirst(n, count, candidates, scores, ranks, (i) => make(candidates[i]!, scores[i]!, counting ? -1 : seen[i]!));
    } else {
      // Every document touched, offered to a heap, where `accept` may turn some away.
      const heap = new TopDocs(count, ranks);
      let threshold = -Infinity;
      for (let i = 0; i < n; i++) {
        if (beaten(exactSums[i]!, threshold)) continue;
        threshold = heap.offer(candidates[i]!, scoreOf(exactSums[i]!, seen[i]!, counting), counting ? -1 : seen[i]!, accept);
      }
      top = heap.sorted(make);
    }
    acc.clear(n);
    return top;
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

/** One field's postings of one leaf, as `PostingsIndex.search` adds them. */
interface SearchList {
  leaf: number;
  field: number;
  lo: number;
  hi: number;
  /** The leaf's weight times the field's boost, and the field's idf: the exact part is `w · (idf · impact)`. */
  w: number;
  idf: number;
  /** `w · idf`, the weight of the approximate pass (before scaling). */
  weight: number;
  /** True when it is the leaf's only field. */
  alone: boolean;
}

/**
 * The share of the `count`-th largest approximate sum a candidate's sum must exceed, for `lists`
 * lists: (1 − 2δ)/(1 + δ), δ a bound on an f32 sum's relative error against the document's score.
 * Each part is rounded four times (the scaled weight, the impact, their product, and the sum it joins:
 * at most 2⁻²⁴ each), so a sum of at most `lists` parts is within (lists + 3)·2⁻²⁴ of the exact
 * score, which is itself within a few 2⁻⁵³ of the real number; δ = (lists + 8)·2⁻²³ is twice that.
 * (The extra δ covers rounding the product of this ratio and the sum.)
 */
function approximationRatio(lists: number): number {
  const delta = (lists + 8) * 2 ** -23;
  return (1 - 2 * delta) / (1 + delta);
}

/** A document's score: its sum times and divided by the number of leaves matched, as minisearch's. */
function scoreOf(sum: number, seen: number, counting: boolean): number {
  const matched = counting ? seen : bitCount(seen);
  return (sum * matched) / matched;
}

/** A document found, as `search` reports it. */
function topDoc(doc: number, score: number, matched: number): TopDoc {
  return { doc, score, matched };
}

/**
 * True when a document whose leaves sum to `sum` cannot get past one scoring `threshold`: its score,
 * sum·m/m, is within a few ulps of its sum, so a sum a billionth below cannot reach it.
 */
function beaten(sum: number, threshold: number): boolean {
  return sum + Math.abs(sum) * 1e-9 < threshold;
}
