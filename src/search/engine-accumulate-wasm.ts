/**
 * The accumulator in WebAssembly (accumulate.wat): the index's posting documents and impacts and the
 * per-document scratch laid out in one memory of exactly their size.
 */
import { ACCUMULATE_WASM } from './accumulate-wasm.js';
import { COLLECT_MAX, JsAccumulator, type Accumulator, type AccumulatorKind } from './engine-accumulate.js';
import type { TopDoc } from './engine-top.js';

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
    /** Where the kernel's `select` leaves the documents it keeps, their scores and leaves. */
    private readonly heapDocs: Uint32Array,
    private readonly heapScores: Float64Array,
    private readonly heapSeen: Int32Array,
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

  select(count: number, k: number, counting: boolean, ranks: Uint32Array): TopDoc[] {
    if (ranks !== this.ranks) {
      this.ranksView.set(ranks);
      this.ranks = ranks;
    }
    const kept = this.kernel.select(count, k, counting ? 1 : 0);
    const out: TopDoc[] = [];
    for (let i = 0; i < kept; i++) out.push({ doc: this.heapDocs[i]!, score: this.heapScores[i]!, matched: counting ? -1 : this.heapSeen[i]! });
    return out;
  }
}
