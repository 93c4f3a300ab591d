/** The BM25 parameters and their defaults (a leaf: the postings and the engine both read them). */

/** BM25+ parameters, as minisearch's `BM25Params`. */
export interface BM25Params {
  /** Term-frequency saturation: higher lets repeated terms count for longer. */
  k: number;
  /** Length normalization, 0 (none) to 1 (full). */
  b: number;
  /** BM25+ floor added to every matching term's frequency component; 0 is plain BM25. */
  d: number;
}

/**
 * Classic BM25 (k 1.2, b 0.75, no BM25+ floor). On Cranfield the landscape is flat around it
 * (k 0.9–1.5 × b 0.6–1.0 all within ±0.003 nDCG@10), and minisearch's default floor d = 0.5 costs
 * 0.006 nDCG@10 / 0.006 MAP.
 */
export const DEFAULT_BM25: BM25Params = { k: 1.2, b: 0.75, d: 0 };

/** minisearch's length normalization of a field of a document: `k · (1 − b + b · length / average)`. */
export function bm25Norm({ k, b }: BM25Params, length: number, average: number): number {
  return k * (1 - b + (b * length) / average);
}

/**
 * A term's BM25 frequency component in a field of a document, `d + tf·(k+1)/(tf + norm)` (`norm` from
 * `bm25Norm`): what a posting's impact is (the accumulator keeps it precomputed, engine-accumulate.ts).
 */
export function bm25Impact({ k, d }: BM25Params, tf: number, norm: number): number {
  return d + (tf * (k + 1)) / (tf + norm);
}
