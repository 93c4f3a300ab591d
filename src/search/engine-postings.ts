/**
 * The engine's own inverted index: postings packed into typed arrays (one CSR layout per field:
 * per-term offsets, document ordinals, term frequencies), BM25 length norms precomputed per field and
 * document, and a top-k selection with a bounded heap, so a query allocates nothing per posting and
 * never materialises the full result set.
 *
 * It scores exactly as minisearch 7.2 does for the engine's queries (same field lengths — distinct
 * terms per field —, same incremental average length, same per-field document frequency, same
 * floating-point evaluation order), so rankings are identical to the minisearch reference path;
 * tests compare the two on random corpora and queries.
 */
import type { BM25Params } from './engine-types.js';

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

export interface TopDoc {
  doc: number;
  score: number;
}

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
  private norms: Float64Array[] | null = null;
  private normParams: BM25Params | null = null;
  // Scratch space of a search, reused.
  private acc = new Float64Array(0);
  private leafAcc = new Float64Array(0);
  private docMark = new Uint32Array(0);
  private leafMark = new Uint32Array(0);
  private counts = new Uint32Array(0);
  private touched = new Uint32Array(0);
  private leafTouched = new Uint32Array(0);
  private stamp = 0;
  private tfScratch: Map<number, number> = new Map();

  constructor(fieldCount: number) {
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
    this.norms = null;
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

  static fromState(state: PostingsState): PostingsIndex {
    const index = new PostingsIndex(state.fields.length);
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

  /** minisearch's `k · (1 − b + b · length / average)` for every field and document. */
  private normsFor(bm25: BM25Params): Float64Array[] {
    if (this.norms && this.normParams === bm25) return this.norms;
    const { k, b } = bm25;
    this.norms = this.lengths.map((lengths, f) => {
      const avg = this.averages[f]!;
      const out = new Float64Array(this.docCount);
      const view = lengths.view();
      for (let d = 0; d < this.docCount; d++) out[d] = k * (1 - b + (b * view[d]!) / avg);
      return out;
    });
    this.normParams = bm25;
    return this.norms;
  }

  private ensureScratch(): void {
    const n = this.docCount;
    if (this.acc.length >= n) return;
    this.acc = new Float64Array(n);
    this.leafAcc = new Float64Array(n);
    this.docMark = new Uint32Array(n);
    this.leafMark = new Uint32Array(n);
    this.counts = new Uint32Array(n);
    this.touched = new Uint32Array(n);
    this.leafTouched = new Uint32Array(n);
    this.stamp = 0;
  }

  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.docMark.fill(0);
      this.leafMark.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /**
   * BM25 of the leaves over the fields (boosts per field), summed as minisearch sums them (per leaf
   * over fields, then over leaves in order), times and divided by the number of leaves matched, and
   * the best `count` documents by (score desc, `tieBreak`), passing `accept` when given.
   */
  search(
    leaves: readonly ScoredLeaf[],
    boosts: readonly number[],
    bm25: BM25Params,
    count: number,
    tieBreak: (a: number, b: number) => number,
    accept?: (doc: number) => boolean,
  ): TopDoc[] {
    const packed: FieldPostings[] | null = this.packed;
    if (!packed) throw new Error('PostingsIndex.search() before pack()');
    if (count <= 0 || this.docCount === 0) return [];
    this.ensureScratch();
    const norms = this.normsFor(bm25);
    const { k, d: floor } = bm25;
    const k1 = k + 1;
    const N = this.docCount;
    const acc = this.acc;
    const leafAcc = this.leafAcc;
    const docMark = this.docMark;
    const leafMark = this.leafMark;
    const counts = this.counts;
    const touched = this.touched;
    const leafTouched = this.leafTouched;
    const queryStamp = this.nextStamp();
    let nTouched = 0;
    for (const leaf of leaves) {
      if (leaf.id >= this.packedTerms) continue;
      const leafStamp = this.nextStamp();
      let nLeaf = 0;
      for (let f = 0; f < this.fieldCount; f++) {
        const field: FieldPostings = packed[f]!;
        const offsets = field.offsets;
        const docs = field.docs;
        const tfs = field.tfs;
        const lo: number = offsets[leaf.id]!;
        const hi: number = offsets[leaf.id + 1]!;
        const df = hi - lo;
        if (df === 0) continue;
        const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        const w = leaf.weight * boosts[f]!;
        const norm = norms[f]!;
        for (let p = lo; p < hi; p++) {
          const doc = docs[p]!;
          const tf = tfs[p]!;
          const s = w * (idf * (floor + (tf * k1) / (tf + norm[doc]!)));
          if (leafMark[doc] !== leafStamp) {
            leafMark[doc] = leafStamp;
            leafAcc[doc] = s;
            leafTouched[nLeaf++] = doc;
          } else leafAcc[doc] = leafAcc[doc]! + s;
        }
      }
      for (let i = 0; i < nLeaf; i++) {
        const doc = leafTouched[i]!;
        if (docMark[doc] !== queryStamp) {
          docMark[doc] = queryStamp;
          acc[doc] = leafAcc[doc]!;
          counts[doc] = 1;
          touched[nTouched++] = doc;
        } else {
          acc[doc] = acc[doc]! + leafAcc[doc]!;
          counts[doc]!++;
        }
      }
    }
    // Bounded min-heap of the best `count`; heap[0] is the worst kept.
    const heapDocs: number[] = [];
    const heapScores: number[] = [];
    const worse = (sa: number, da: number, sb: number, db: number) => sa < sb || (sa === sb && tieBreak(da, db) > 0);
    for (let i = 0; i < nTouched; i++) {
      const doc = touched[i]!;
      const c = counts[doc]!;
      const score = (acc[doc]! * c) / c;
      if (heapDocs.length >= count && !worse(heapScores[0]!, heapDocs[0]!, score, doc)) continue;
      if (accept && !accept(doc)) continue;
      if (heapDocs.length < count) {
        let at = heapDocs.length;
        heapDocs.push(doc);
        heapScores.push(score);
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!worse(heapScores[at]!, heapDocs[at]!, heapScores[parent]!, heapDocs[parent]!)) break;
          swap(heapDocs, heapScores, at, parent);
          at = parent;
        }
      } else {
        heapDocs[0] = doc;
        heapScores[0] = score;
        for (let at = 0; ; ) {
          const l = 2 * at + 1;
          const r = l + 1;
          let w = at;
          if (l < heapDocs.length && worse(heapScores[l]!, heapDocs[l]!, heapScores[w]!, heapDocs[w]!)) w = l;
          if (r < heapDocs.length && worse(heapScores[r]!, heapDocs[r]!, heapScores[w]!, heapDocs[w]!)) w = r;
          if (w === at) break;
          swap(heapDocs, heapScores, at, w);
          at = w;
        }
      }
    }
    const out = heapDocs.map((doc, i) => ({ doc, score: heapScores[i]! }));
    out.sort((a, b) => b.score - a.score || tieBreak(a.doc, b.doc));
    return out;
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

function swap(docs: number[], scores: number[], i: number, j: number): void {
  const d = docs[i]!;
  docs[i] = docs[j]!;
  docs[j] = d;
  const s = scores[i]!;
  scores[i] = scores[j]!;
  scores[j] = s;
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
