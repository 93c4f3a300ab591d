/**
 * The inner loops of `PostingsIndex.search`, over each field's posting documents and term
 * frequencies (see `PostingsIndex`), which the accumulator holds, in two passes:
 *
 * 1. approximate: the lists added term at a time into one f32 sum per document (impacts rounded to
 *    f32 too), then the documents whose sum comes within a proven error bound of the k-th largest
 *    collected as candidates, in document order;
 * 2. exact: each list searched for the candidates only, their parts computed in f64 and summed in
 *    minisearch's order — the same numbers, to the last bit, as adding every posting exactly.
 *
 * Two implementations giving the same numbers: WebAssembly (accumulate.wat, driven by
 * engine-accumulate-wasm.ts, whose `makeAccumulator` makes either), several times faster (SIMD for
 * the collection, no bounds or type checks), and JavaScript, for an index too large for
 * WebAssembly's 4 GiB of memory or a runtime without it.
 */

/** Which implementation: `wasm` when it can be had (else `js`), or `js`. */
export type AccumulatorKind = 'wasm' | 'js';

/** What a posting's impact is made of: minisearch's `floor + tf·k1/(tf + norm)`, `norm` per field and document. */
export interface ImpactParts {
  k1: number;
  floor: number;
  /** Per field, per document: `k · (1 − b + b · length / average)`. */
  norms: readonly Float64Array[];
}

/**
 * The per-document approximate sums and per-candidate exact sums of a search, and the loops that
 * fill them. A search calls `add` or `touch` per list, `collect` once, `exact` (and `fold` after a
 * leaf over several fields) per list, reads `exactSums`/`seen` and ends with `clear`.
 */
export interface Accumulator {
  readonly kind: AccumulatorKind;
  /**
   * True when every approximate impact is a positive f32 within [2⁻⁶⁰, 2⁶⁰], so that sums of
   * weights within [2⁻⁶⁰, 1] times them neither underflow nor overflow: the condition under which
   * `collect`'s candidates provably hold the best documents. Otherwise use `touch`.
   */
  readonly bounded: boolean;
  /** Adds postings `lo`…`hi − 1` of `field` into the approximate sums, each as `weight · impact` in f32. */
  add(field: number, lo: number, hi: number, weight: number): void;
  /** Adds 1 to the approximate sum of each document of postings `lo`…`hi − 1` of `field`. */
  touch(field: number, lo: number, hi: number): void;
  /**
   * Ends the approximate pass: the documents whose sum exceeds `ratio` times the `k`-th largest
   * (every document touched when `k` is 0, or when fewer than `k` were) go to `candidates`,
   * ascending; every sum is cleared. Returns how many. 1 ≤ k ≤ `COLLECT_MAX`, or 0.
   */
  collect(k: number, ratio: number): number;
  /** After `collect`: the candidates, ascending (the first `n`). */
  readonly candidates: Uint32Array;
  /**
   * For each of the first `n` candidates in postings `lo`…`hi − 1` of `field`, adds its part
   * `w · (idf · impact)`, in f64, to its exact sum, marking its leaf (`seen | bit`, or `seen + 1`
   * when `counting`); with `leaf`, to its leaf sum instead (see `fold`).
   */
  exact(field: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: boolean, leaf: boolean, n: number): void;
  /** Adds the leaf sums of the first `n` candidates into their exact sums as `exact` does, and clears them. */
  fold(n: number, bit: number, counting: boolean): void;
  /** Per candidate (by its place in `candidates`): its exact sum, and its leaves (bits, or their count). */
  readonly exactSums: Float64Array;
  readonly seen: Int32Array;
  /** Clears the exact sums and leaves of the first `n` candidates. */
  clear(n: number): void;
}

/** Largest `k` of `Accumulator.collect`. */
export const COLLECT_MAX = 4096;

/** Approximate impacts and weights are kept within [2⁻⁶⁰, 2⁶⁰] (see `Accumulator.bounded`). */
export const APPROXIMATE_RANGE = 2 ** 60;

/** Per field, per posting: its impact, rounded to f32. Returns whether all are within APPROXIMATE_RANGE. */
export function fillApproximateImpacts(docs: readonly Uint32Array[], tfs: readonly Uint32Array[], parts: ImpactParts, out: readonly Float32Array[]): boolean {
  const { k1, floor, norms } = parts;
  let bounded = true;
  docs.forEach((d, f) => {
    const tf = tfs[f]!;
    const norm = norms[f]!;
    const impacts = out[f]!;
    for (let p = 0; p < d.length; p++) {
      impacts[p] = floor + (tf[p]! * k1) / (tf[p]! + norm[d[p]!]!);
      // The value as stored, rounded to f32.
      const v = impacts[p]!;
      if (!(v >= 1 / APPROXIMATE_RANGE && v <= APPROXIMATE_RANGE)) bounded = false;
    }
  });
  return bounded;
}

/** The loops in JavaScript (see `makeAccumulator`). */
export class JsAccumulator implements Accumulator {
  readonly kind = 'js';
  readonly bounded: boolean;
  private readonly sums: Float32Array;
  private readonly impacts: Float32Array[];
  readonly candidates: Uint32Array;
  private readonly candidateSums: Float32Array;
  readonly exactSums: Float64Array;
  readonly seen: Int32Array;
  private readonly leafSums: Float64Array;
  private readonly leafSeen: Uint8Array;
  private readonly heap = new Float32Array(COLLECT_MAX);

  constructor(
    private readonly docs: readonly Uint32Array[],
    private readonly tfs: readonly Uint32Array[],
    documents: number,
    private readonly parts: ImpactParts,
  ) {
    this.impacts = docs.map((d) => new Float32Array(d.length));
    this.bounded = fillApproximateImpacts(docs, tfs, parts, this.impacts);
    this.sums = new Float32Array(documents);
    this.candidates = new Uint32Array(documents);
    this.candidateSums = new Float32Array(documents);
    this.exactSums = new Float64Array(documents);
    this.seen = new Int32Array(documents);
    this.leafSums = new Float64Array(documents);
    this.leafSeen = new Uint8Array(documents);
  }

  add(field: number, lo: number, hi: number, weight: number): void {
    const { sums } = this;
    const docs = this.docs[field]!;
    const impacts = this.impacts[field]!;
    const w = Math.fround(weight);
    // f32 products and sums, as WebAssembly's f32 arithmetic rounds them.
    for (let p = lo; p < hi; p++) sums[docs[p]!] = sums[docs[p]!]! + Math.fround(w * impacts[p]!);
  }

  touch(field: number, lo: number, hi: number): void {
    const { sums } = this;
    const docs = this.docs[field]!;
    for (let p = lo; p < hi; p++) sums[docs[p]!] = sums[docs[p]!]! + 1;
  }

  collect(k: number, ratio: number): number {
    const { sums, candidates, candidateSums } = this;
    let count = 0;
    for (let d = 0; d < sums.length; d++) {
      const sum = sums[d]!;
      if (sum > 0) {
        candidates[count] = d;
        candidateSums[count++] = sum;
        sums[d] = 0;
      }
    }
    if (k === 0 || count <= k) return count;
    const least = Math.fround(kthLargest(candidateSums, count, k, this.heap) * Math.fround(ratio));
    let kept = 0;
    for (let i = 0; i < count; i++) if (candidateSums[i]! > least) candidates[kept++] = candidates[i]!;
    return kept;
  }

  exact(field: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: boolean, leaf: boolean, n: number): void {
    const docs = this.docs[field]!;
    const tfs = this.tfs[field]!;
    const norms = this.parts.norms[field]!;
    const { k1, floor } = this.parts;
    const { candidates, seen } = this;
    const sums = leaf ? this.leafSums : this.exactSums;
    let p = lo;
    for (let i = 0; i < n && p < hi; i++) {
      const c = candidates[i]!;
      p = firstAtLeast(docs, p, hi, c);
      if (p === hi) break;
      if (docs[p] !== c) continue;
      const tf = tfs[p++]!;
      sums[i] = sums[i]! + w * (idf * (floor + (tf * k1) / (tf + norms[c]!)));
      if (leaf) this.leafSeen[i] = 1;
      else seen[i] = counting ? seen[i]! + 1 : seen[i]! | bit;
    }
  }

  fold(n: number, bit: number, counting: boolean): void {
    const { exactSums, seen, leafSums, leafSeen } = this;
    for (let i = 0; i < n; i++) {
      if (leafSeen[i] === 0) continue;
      leafSeen[i] = 0;
      exactSums[i] = exactSums[i]! + leafSums[i]!;
      leafSums[i] = 0;
      seen[i] = counting ? seen[i]! + 1 : seen[i]! | bit;
    }
  }

  clear(n: number): void {
    this.exactSums.fill(0, 0, n);
    this.seen.fill(0, 0, n);
  }
}

/** The first position in `lo`…`hi − 1` of the ascending `docs` holding at least `doc` (`hi` if none), galloping from `lo`. */
function firstAtLeast(docs: Uint32Array, lo: number, hi: number, doc: number): number {
  if (docs[lo]! >= doc) return lo;
  // docs[p] < doc ≤ docs[q] (or q = hi): steps of 1, 2, 4… then halving.
  let p = lo;
  let step = 1;
  let q = p + step;
  while (q < hi && docs[q]! < doc) {
    p = q;
    step *= 2;
    q = p + step;
  }
  if (q > hi) q = hi;
  while (q - p > 1) {
    const mid = (p + q) >>> 1;
    if (docs[mid]! < doc) p = mid;
    else q = mid;
  }
  return q;
}

/** The `k`-th largest of the first `count` values (k ≤ count, k ≤ heap's room), by a min-heap of the largest. */
function kthLargest(values: Float32Array, count: number, k: number, heap: Float32Array): number {
  for (let i = 0; i < k; i++) {
    let at = i;
    const v = values[i]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent]! <= v) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = v;
  }
  for (let i = k; i < count; i++) {
    const v = values[i]!;
    if (!(v > heap[0]!)) continue;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= k) break;
      if (child + 1 < k && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= v) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = v;
  }
  return heap[0]!;
}
