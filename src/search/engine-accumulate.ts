/**
 * The inner loops of `PostingsIndex.search`: postings added into per-document sums, term at a time,
 * over each field's posting documents and impacts (see `PostingsIndex`), which the accumulator holds.
 *
 * Two implementations giving the same numbers to the last bit: WebAssembly (accumulate.wat, driven by
 * engine-accumulate-wasm.ts, whose `makeAccumulator` makes either), about twice as fast per posting as
 * the same loops in JavaScript on this machine (no bounds or type checks, no branch on whether a
 * document is new), and JavaScript, for an index too large for WebAssembly's 4 GiB of memory or a
 * runtime without it.
 */
import { bitCount, TopDocs, type TopDoc } from './engine-top.js';

/** Which implementation: `wasm` when it can be had (else `js`), or `js`. */
export type AccumulatorKind = 'wasm' | 'js';

/**
 * Per-document scratch — each document's sum so far and the leaves it matched, as bits (or, when
 * counting, how many) — and the loops that fill it. A search ends with `select` or `drain`, which
 * clear what the search touched, so a document is new while its leaves are 0, and its sum starts at
 * exactly 0.
 */
export interface Accumulator {
  readonly kind: AccumulatorKind;
  /** The documents touched, in the order first touched. */
  readonly touched: Uint32Array;
  /** After `drain`: per document touched, its sum and its leaves. */
  readonly keptSums: Float64Array;
  readonly keptSeen: Int32Array;
  /**
   * Adds postings `lo`…`hi − 1` of `field` into the sums, each as `w · (idf · impact)`; marks each
   * document's leaf (`seen | bit`, or `seen + 1` when `counting`); appends documents touched for the
   * first time to `touched` after its first `count`. Returns the new count.
   */
  add(field: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: boolean, count: number): number;
  /** As `add`, into the sums of one leaf over several fields (the leaf's own scratch); returns the leaf's new count. */
  addLeaf(field: number, lo: number, hi: number, w: number, idf: number, leafCount: number): number;
  /** Adds the leaf's sums of its first `leafCount` documents into the sums as `add` does, clearing them; returns the new count. */
  fold(leafCount: number, bit: number, counting: boolean, count: number): number;
  /** Reads and clears the sums and leaves of the first `count` touched documents into `keptSums` and `keptSeen`. */
  drain(count: number): void;
  /**
   * Reads and clears the sums and leaves of the first `count` touched documents, keeping the best `k`
   * (1 ≤ k ≤ `COLLECT_MAX`) by score — sum·m/m, m the leaves matched (bits, or their count when
   * `counting`) — then by `ranks` (per document, its place among equal scores, lower first). Returns
   * them in no order, `matched` their leaves' bits (−1 when counting: see `TopDoc.matched`).
   */
  select(count: number, k: number, counting: boolean, ranks: Uint32Array): TopDoc[];
}

/** Largest `k` of `Accumulator.select`. */
export const COLLECT_MAX = 4096;

/**
 * True when a document whose leaves sum to `sum` cannot get past one scoring `threshold` (as
 * accumulate.wat's `select` judges too): its score, sum·m/m, is within a few ulps of its sum, so a
 * sum a billionth below cannot reach it.
 */
function beaten(sum: number, threshold: number): boolean {
  return sum + Math.abs(sum) * 1e-9 < threshold;
}

/** The loops in JavaScript (see `makeAccumulator`). */
export class JsAccumulator implements Accumulator {
  readonly kind = 'js';
  private readonly sums: Float64Array;
  private readonly seen: Int32Array;
  readonly touched: Uint32Array;
  readonly keptSums: Float64Array;
  readonly keptSeen: Int32Array;
  private readonly leafSums: Float64Array;
  private readonly leafSeen: Uint8Array;
  private readonly leafTouched: Uint32Array;
  private readonly impacts: Float64Array[];

  constructor(
    private readonly docs: readonly Uint32Array[],
    documents: number,
    fillImpacts: (field: number, out: Float64Array) => void,
  ) {
    this.impacts = docs.map((d, f) => {
      const out = new Float64Array(d.length);
      fillImpacts(f, out);
      return out;
    });
    this.sums = new Float64Array(documents);
    this.seen = new Int32Array(documents);
    this.touched = new Uint32Array(documents);
    this.keptSums = new Float64Array(documents);
    this.keptSeen = new Int32Array(documents);
    this.leafSums = new Float64Array(documents);
    this.leafSeen = new Uint8Array(documents);
    this.leafTouched = new Uint32Array(documents);
  }

  add(field: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: boolean, count: number): number {
    const { sums, seen, touched } = this;
    const docs = this.docs[field]!;
    const impact = this.impacts[field]!;
    for (let p = lo; p < hi; p++) {
      const d = docs[p]!;
      const s = seen[d]!;
      if (s === 0) touched[count++] = d;
      sums[d] = sums[d]! + w * (idf * impact[p]!);
      seen[d] = counting ? s + 1 : s | bit;
    }
    return count;
  }

  addLeaf(field: number, lo: number, hi: number, w: number, idf: number, leafCount: number): number {
    const { leafSums, leafSeen, leafTouched } = this;
    const docs = this.docs[field]!;
    const impact = this.impacts[field]!;
    for (let p = lo; p < hi; p++) {
      const d = docs[p]!;
      if (leafSeen[d] === 0) {
        leafSeen[d] = 1;
        leafTouched[leafCount++] = d;
      }
      leafSums[d] = leafSums[d]! + w * (idf * impact[p]!);
    }
    return leafCount;
  }

  fold(leafCount: number, bit: number, counting: boolean, count: number): number {
    const { sums, seen, touched, leafSums, leafSeen, leafTouched } = this;
    for (let i = 0; i < leafCount; i++) {
      const d = leafTouched[i]!;
      leafSeen[d] = 0;
      const s = seen[d]!;
      if (s === 0) touched[count++] = d;
      seen[d] = counting ? s + 1 : s | bit;
      sums[d] = sums[d]! + leafSums[d]!;
      leafSums[d] = 0;
    }
    return count;
  }

  drain(count: number): void {
    const { sums, seen, touched, keptSums, keptSeen } = this;
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      keptSums[i] = sums[d]!;
      keptSeen[i] = seen[d]!;
      sums[d] = 0;
      seen[d] = 0;
    }
  }

  select(count: number, k: number, counting: boolean, ranks: Uint32Array): TopDoc[] {
    const top = new TopDocs(k, ranks);
    offerTouched(this, count, counting, top);
    // In no order, as the interface says: the search sorts what it is given.
    return top.kept();
  }
}

/**
 * Drains the first `count` touched documents of `acc` and offers to `top` each that can still get in,
 * scored as `select` scores them, with its leaves (−1 when `counting`: see `TopDoc.matched`);
 * `accept` may turn some away.
 */
export function offerTouched(acc: Accumulator, count: number, counting: boolean, top: TopDocs, accept?: (doc: number) => boolean): void {
  acc.drain(count);
  const { touched, keptSums, keptSeen } = acc;
  let threshold = -Infinity;
  for (let i = 0; i < count; i++) {
    const sum = keptSums[i]!;
    if (beaten(sum, threshold)) continue;
    const mask = keptSeen[i]!;
    const matched = counting ? mask : bitCount(mask);
    threshold = top.offer(touched[i]!, (sum * matched) / matched, counting ? -1 : mask, accept);
  }
}
