/**
 * Phrase proximity: a bonus for documents where consecutive terms of a query phrase appear next
 * to each other, in order (stop words between them allowed, up to a small gap). Computed only for
 * the candidates being reranked, by one scan of each candidate's stored term sequence.
 */
/** One ordered pair of adjacent phrase terms, resolved to term ids. */
export interface PhrasePair {
  first: number;
  second: number;
  /** What one adjacent occurrence is worth before saturation (e.g. mean idf × term weight). */
  weight: number;
}

/** Tuning of the proximity bonus. */
export interface ProximityOptions {
  /** Multiplier of the whole bonus; 0 turns proximity off. */
  weight: number;
  /** Largest position difference that still counts as adjacent (1 = strictly adjacent words). */
  maxGap: number;
  /** Saturation of repeated occurrences, as BM25's k: bonus ∝ tf·(k+1)/(tf+k). */
  k: number;
}

/** The pairs of a query, for scanning documents. */
export interface PairIndex {
  pairs: readonly PhrasePair[];
  /** A filter of the first terms (slot `id & FILTER_MASK` set): most words of a document fail it at once. */
  firsts: Uint8Array;
  /** Per pair, its adjacent occurrences in the document being scanned (scratch). */
  counts: Float64Array;
  /** The pairs found in that document, in the order first found: the order their parts are summed in (scratch). */
  found: Int32Array;
}

const FILTER_MASK = 1023;

/**
 * `pairIndex`'s arrays, reused from search to search: the filter's kilobyte had been allocated off the
 * heap by every search, which the young generation's collections then had to sweep.
 */
const firsts = new Uint8Array(FILTER_MASK + 1);
let counts = new Float64Array(16);
let found = new Int32Array(16);

/**
 * Indexes the pairs so that a document is scanned once for all of them. The index shares its arrays
 * with the next one made: read it before making another (searches are not re-entered).
 */
export function pairIndex(pairs: readonly PhrasePair[]): PairIndex {
  firsts.fill(0);
  for (const pair of pairs) firsts[pair.first & FILTER_MASK] = 1;
  // Every count is 0 between documents (`proximityBonus` clears the ones it set).
  if (counts.length < pairs.length) [counts, found] = [new Float64Array(pairs.length * 2), new Int32Array(pairs.length * 2)];
  return { pairs, firsts, counts, found };
}

/**
 * The proximity bonus of one document, whose term ids are `ids[start…end)` (and word positions the
 * same slice of `positions`, or every gap 1 when null): for each pair, the number of its adjacent,
 * in-order occurrences, saturated and weighted, summed over pairs. Reads the store's arrays in place:
 * it runs for every candidate of every search.
 */
export function proximityBonus(
  ids: Uint32Array,
  positions: Uint32Array | null,
  start: number,
  end: number,
  index: PairIndex,
  options: ProximityOptions,
): number {
  const { pairs, firsts, counts, found } = index;
  if (pairs.length === 0 || options.weight === 0) return 0;
  let kinds = 0;
  for (let k = start; k + 1 < end; k++) {
    const id = ids[k]!;
    if (!firsts[id & FILTER_MASK]) continue;
    const gap = positions ? positions[k + 1]! - positions[k]! : 1;
    if (gap > options.maxGap) continue;
    const next = ids[k + 1]!;
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p]!;
      if (pair.first !== id || pair.second !== next) continue;
      if (counts[p] === 0) found[kinds++] = p;
      counts[p]!++;
    }
  }
  if (kinds === 0) return 0;
  let bonus = 0;
  for (let i = 0; i < kinds; i++) {
    const p = found[i]!;
    const tf = counts[p]!;
    counts[p] = 0;
    bonus += (pairs[p]!.weight * tf * (options.k + 1)) / (tf + options.k);
  }
  return options.weight * bonus;
}
