/**
 * The inner loops of `PostingsIndex.search`: postings added into per-document sums, term at a time,
 * over each field's posting documents and impacts (see `PostingsIndex`), which the accumulator holds.
 *
 * Two implementations giving the same numbers to the last bit: WebAssembly (accumulate.wat), about
 * twice as fast per posting as the same loops in JavaScript on this machine (no bounds or type checks,
 * no branch on whether a document is new), and JavaScript, for an index too large for WebAssembly's
 * 4 GiB of memory or a runtime without it.
 */
import { ACCUMULATE_WASM } from './accumulate-wasm.js';
import { bitCount, TopDocs } from './engine-top.js';

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
  /** After `select`: the documents kept, their scores and leaves, in no order. */
  readonly heapDocs: Uint32Array;
  readonly heapScores: Float64Array;
  readonly heapSeen: Int32Array;
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
   * how many are kept: `heapDocs`, `heapScores` and `heapSeen` hold them, in no order.
   */
  select(count: number, k: number, counting: boolean, ranks: Uint32Array): number;
}

/** Largest `k` of `Accumulator.select`. */
export const COLLECT_MAX = 4096;

/**
 * True when a document whose leaves sum to `sum` cannot get past one scoring `threshold` (as
 * `select` judges in WebAssembly too): its score,
 * sum·m/m, is within a few ulps of its sum, so a sum a billionth below cannot reach it.
 */
function beaten(sum: number, threshold: number): boolean {
  return sum + Math.abs(sum) * 1e-9 < threshold;
}

/**
 * An accumulator over `docs` (per field, each posting's document) and `documents` documents, with the
 * impacts `fillImpacts` writes (per field, one per posting, into the array it is given).
 */
export function makeAccumulator(
  docs: readonly Uint32Array[],
  documents: number,
  fillImpacts: (field: number, out: Float64Array) => void,
  kind: AccumulatorKind = 'wasm',
): Accumulator {
  if (kind === 'wasm') {
    const wasm = WasmAccumulator.create(docs, documents, fillImpacts);
    if (wasm) return wasm;
  }
  return new JsAccumulator(docs, documents, fillImpacts);
}

class JsAccumulator implements Accumulator {
  readonly kind = 'js';
  private readonly sums: Float64Array;
  private readonly seen: Int32Array;
  readonly touched: Uint32Array;
  readonly keptSums: Float64Array;
  readonly keptSeen: Int32Array;
  readonly heapDocs = new Uint32Array(COLLECT_MAX);
  readonly heapScores = new Float64Array(COLLECT_MAX);
  readonly heapSeen = new Int32Array(COLLECT_MAX);
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

  select(count: number, k: number, counting: boolean, ranks: Uint32Array): number {
    const top = new TopDocs(k, ranks);
    offerTouched(this, count, counting, top);
    top.copyTo(this.heapDocs, this.heapScores, this.heapSeen);
    return top.size;
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

/** What accumulate.wat exports. */
interface Kernel {
  layout(
    sums: number,
    seen: number,
    touched: number,
    leafSums: number,
    leafSeen: number,
    leafTouched: number,
    keptSums: number,
    keptSeen: number,
    ranks: number,
    heapDocs: number,
    heapScores: number,
    heapSeen: number,
  ): void;
  add(docs: number, impacts: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: number, count: number): number;
  addLeaf(docs: number, impacts: number, lo: number, hi: number, w: number, idf: number, leafCount: number): number;
  fold(leafCount: number, bit: number, counting: number, count: number): number;
  drain(count: number): void;
  select(count: number, k: number, counting: number): number;
}

/** The part of the WebAssembly API used here (TypeScript declares it only with the DOM's types). */
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** WebAssembly pages of 64 KiB a memory may have (4 GiB). */
const MAX_PAGES = 65536;
const PAGE = 65536;

let compiled: object | null = null;

class WasmAccumulator implements Accumulator {
  readonly kind = 'wasm';

  private constructor(
    private readonly kernel: Kernel,
    /** Per field: byte offsets of its posting documents and impacts in the memory. */
    private readonly docsAt: number[],
    private readonly impactsAt: number[],
    readonly touched: Uint32Array,
    readonly keptSums: Float64Array,
    readonly keptSeen: Int32Array,
    /** The tie order copied into the memory (see `select`). */
    private readonly ranksView: Uint32Array,
    readonly heapDocs: Uint32Array,
    readonly heapScores: Float64Array,
    readonly heapSeen: Int32Array,
  ) {}

  /** The tie order last copied into the memory. */
  private ranks: Uint32Array | null = null;

  /** Lays the postings and scratch out in one memory of exactly their size; null when it cannot be had. */
  static create(docs: readonly Uint32Array[], documents: number, fillImpacts: (field: number, out: Float64Array) => void): WasmAccumulator | null {
    let bytes = 0;
    const take = (size: number) => {
      const at = bytes;
      bytes += Math.ceil(size / 8) * 8;
      return at;
    };
    const sumsAt = take(documents * 8);
    const leafSumsAt = take(documents * 8);
    const seenAt = take(documents * 4);
    const leafSeenAt = take(documents * 4);
    // The loops store a document in the next slot of a touched list whether or not it is new (and
    // count it only when new): one slot more than there are documents.
    const touchedAt = take((documents + 1) * 4);
    const leafTouchedAt = take((documents + 1) * 4);
    const keptSumsAt = take(documents * 8);
    const keptSeenAt = take(documents * 4);
    const ranksAt = take(documents * 4);
    // One slot more than `select` keeps, for the document it weighs against the worst kept.
    const heapDocsAt = take((COLLECT_MAX + 1) * 4);
    const heapScoresAt = take((COLLECT_MAX + 1) * 8);
    const heapSeenAt = take((COLLECT_MAX + 1) * 4);
    const docsAt = docs.map((d) => take(d.length * 4));
    const impactsAt = docs.map((d) => take(d.length * 8));
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    if (pages > MAX_PAGES || !wasmApi) return null;
    let memory: { buffer: ArrayBuffer };
    let module: object;
    try {
      memory = new wasmApi.Memory({ initial: pages, maximum: pages });
      module = compiled ??= new wasmApi.Module(Buffer.from(ACCUMULATE_WASM, 'base64'));
    } catch {
      // Not that much memory to be had: the JavaScript loops do without.
      return null;
    }
    const kernel = new wasmApi.Instance(module, { env: { memory } }).exports as Kernel;
    kernel.layout(sumsAt, seenAt, touchedAt, leafSumsAt, leafSeenAt, leafTouchedAt, keptSumsAt, keptSeenAt, ranksAt, heapDocsAt, heapScoresAt, heapSeenAt);
    const buffer = memory.buffer;
    docs.forEach((d, f) => {
      new Uint32Array(buffer, docsAt[f], d.length).set(d);
      fillImpacts(f, new Float64Array(buffer, impactsAt[f], d.length));
    });
    return new WasmAccumulator(
      kernel,
      docsAt,
      impactsAt,
      new Uint32Array(buffer, touchedAt, documents),
      new Float64Array(buffer, keptSumsAt, documents),
      new Int32Array(buffer, keptSeenAt, documents),
      new Uint32Array(buffer, ranksAt, documents),
      new Uint32Array(buffer, heapDocsAt, COLLECT_MAX),
      new Float64Array(buffer, heapScoresAt, COLLECT_MAX),
      new Int32Array(buffer, heapSeenAt, COLLECT_MAX),
    );
  }

  add(field: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: boolean, count: number): number {
    return this.kernel.add(this.docsAt[field]!, this.impactsAt[field]!, lo, hi, w, idf, bit, counting ? 1 : 0, count);
  }

  addLeaf(field: number, lo: number, hi: number, w: number, idf: number, leafCount: number): number {
    return this.kernel.addLeaf(this.docsAt[field]!, this.impactsAt[field]!, lo, hi, w, idf, leafCount);
  }

  fold(leafCount: number, bit: number, counting: boolean, count: number): number {
    return this.kernel.fold(leafCount, bit, counting ? 1 : 0, count);
  }

  drain(count: number): void {
    this.kernel.drain(count);
  }

  select(count: number, k: number, counting: boolean, ranks: Uint32Array): number {
    if (ranks !== this.ranks) {
      this.ranksView.set(ranks);
      this.ranks = ranks;
    }
    return this.kernel.select(count, k, counting ? 1 : 0);
  }
}
