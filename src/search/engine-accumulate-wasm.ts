/**
 * The accumulator in WebAssembly (accumulate.wat): the index's posting documents, approximate impacts
 * and term frequencies, the norms, and the scratch of a search laid out in one memory of exactly
 * their size.
 */
import { ACCUMULATE_WASM } from './accumulate-wasm.js';
import { COLLECT_MAX, fillApproximateImpacts, JsAccumulator, type Accumulator, type AccumulatorKind, type ImpactParts } from './engine-accumulate.js';

/**
 * An accumulator over `docs` and `tfs` (per field, each posting's document and term frequency) and
 * `documents` documents, whose impacts are made of `parts`.
 */
export function makeAccumulator(
  docs: readonly Uint32Array[],
  tfs: readonly Uint32Array[],
  documents: number,
  parts: ImpactParts,
  kind: AccumulatorKind = 'wasm',
): Accumulator {
  if (kind === 'wasm') {
    const wasm = WasmAccumulator.create(docs, tfs, documents, parts);
    if (wasm) return wasm;
  }
  return new JsAccumulator(docs, tfs, documents, parts);
}

/** What accumulate.wat exports. */
interface Kernel {
  layout(sums: number, heap: number, cand: number, candSums: number, exactSums: number, seen: number, leafSums: number, leafSeen: number): void;
  add(docs: number, imps: number, lo: number, hi: number, w: number): void;
  touch(docs: number, lo: number, hi: number): void;
  collect(n: number, k: number, ratio: number): number;
  exact(docs: number, tfs: number, norms: number, lo: number, hi: number, w: number, idf: number, k1: number, floor: number, bit: number, counting: number, leaf: number, n: number): void;
  fold(n: number, bit: number, counting: number): void;
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

/** Where each field's arrays are in the memory (byte offsets). */
interface FieldAt {
  docs: number;
  imps: number;
  tfs: number;
  norms: number;
}

class WasmAccumulator implements Accumulator {
  readonly kind = 'wasm';

  private constructor(
    private readonly kernel: Kernel,
    private readonly fields: FieldAt[],
    /** Documents rounded up to a multiple of 16, as `collect` scans them. */
    private readonly scanned: number,
    private readonly parts: ImpactParts,
    readonly bounded: boolean,
    readonly candidates: Uint32Array,
    readonly exactSums: Float64Array,
    readonly seen: Int32Array,
  ) {}

  /** Lays the index and scratch out in one memory of exactly their size; null when it cannot be had. */
  static create(docs: readonly Uint32Array[], tfs: readonly Uint32Array[], documents: number, parts: ImpactParts): WasmAccumulator | null {
    let bytes = 0;
    // 16-byte alignment, for the SIMD loads of the sums.
    const take = (size: number) => {
      const at = bytes;
      bytes += Math.ceil(size / 16) * 16;
      return at;
    };
    const scanned = Math.ceil(documents / 16) * 16;
    const sumsAt = take(scanned * 4);
    // One slot more than `collect` keeps, for the value it offers.
    const heapAt = take((COLLECT_MAX + 1) * 4);
    const candAt = take(documents * 4);
    const candSumsAt = take(documents * 4);
    const exactSumsAt = take(documents * 8);
    const seenAt = take(documents * 4);
    const leafSumsAt = take(documents * 8);
    const leafSeenAt = take(documents);
    const fields = docs.map((d): FieldAt => ({ docs: take(d.length * 4), imps: take(d.length * 4), tfs: take(d.length * 4), norms: take(documents * 8) }));
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    if (pages > MAX_PAGES || !wasmApi) return null;
    let memory: { buffer: ArrayBuffer };
    let module: object;
    try {
      memory = new wasmApi.Memory({ initial: pages, maximum: pages });
      module = compiled ??= new wasmApi.Module(Buffer.from(ACCUMULATE_WASM, 'base64'));
    } catch {
      // Not that much memory to be had (or no SIMD): the JavaScript loops do without.
      return null;
    }
    const kernel = new wasmApi.Instance(module, { env: { memory } }).exports as Kernel;
    kernel.layout(sumsAt, heapAt, candAt, candSumsAt, exactSumsAt, seenAt, leafSumsAt, leafSeenAt);
    const buffer = memory.buffer;
    const impacts = fields.map((at, f) => new Float32Array(buffer, at.imps, docs[f]!.length));
    fields.forEach((at, f) => {
      new Uint32Array(buffer, at.docs, docs[f]!.length).set(docs[f]!);
      new Uint32Array(buffer, at.tfs, tfs[f]!.length).set(tfs[f]!);
      new Float64Array(buffer, at.norms, documents).set(parts.norms[f]!);
    });
    const bounded = fillApproximateImpacts(docs, tfs, parts, impacts);
    return new WasmAccumulator(
      kernel,
      fields,
      scanned,
      parts,
      bounded,
      new Uint32Array(buffer, candAt, documents),
      new Float64Array(buffer, exactSumsAt, documents),
      new Int32Array(buffer, seenAt, documents),
    );
  }

  add(field: number, lo: number, hi: number, weight: number): void {
    const at = this.fields[field]!;
    this.kernel.add(at.docs, at.imps, lo, hi, weight);
  }

  touch(field: number, lo: number, hi: number): void {
    this.kernel.touch(this.fields[field]!.docs, lo, hi);
  }

  collect(k: number, ratio: number): number {
    return this.kernel.collect(this.scanned, k, ratio);
  }

  exact(field: number, lo: number, hi: number, w: number, idf: number, bit: number, counting: boolean, leaf: boolean, n: number): void {
    const at = this.fields[field]!;
    this.kernel.exact(at.docs, at.tfs, at.norms, lo, hi, w, idf, this.parts.k1, this.parts.floor, bit, counting ? 1 : 0, leaf ? 1 : 0, n);
  }

  fold(n: number, bit: number, counting: boolean): void {
    this.kernel.fold(n, bit, counting ? 1 : 0);
  }

  clear(n: number): void {
    this.exactSums.fill(0, 0, n);
    this.seen.fill(0, 0, n);
  }
}
