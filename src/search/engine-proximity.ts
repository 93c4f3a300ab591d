/**
 * Phrase proximity: a bonus for documents where consecutive terms of a query phrase appear next
 * to each other, in order (stop words between them allowed, up to a small gap). Computed only for
 * the candidates being reranked, by one scan of each candidate's stored term sequence.
 */
import type { TermSequence } from './engine-store.js';

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

/** The pairs of a query, by first term, for scanning documents. */
export interface PairIndex {
  byFirst: Map<number, PhrasePair[]>;
  /** A filter of the first terms (slot `id & FILTER_MASK` set): most words of a document fail it without a Map lookup. */
  firsts: Uint8Array;
}

const FILTER_MASK = 1023;

/** Indexes pairs by their first term so that a document is scanned once for all of them. */
export function pairIndex(pairs: readonly PhrasePair[]): PairIndex {
  const byFirst = new Map<number, PhrasePair[]>();
  const firsts = new Uint8Array(FILTER_MASK + 1);
  for (const pair of pairs) {
    const list = byFirst.get(pair.first);
    if (list) list.push(pair);
    else byFirst.set(pair.first, [pair]);
    firsts[pair.first & FILTER_MASK] = 1;
  }
  return { byFirst, firsts };
}

/**
 * The proximity bonus of one document: for each pair, the number of its adjacent, in-order
 * occurrences, saturated and weighted, summed over pairs.
 */
export function proximityBonus(sequence: TermSequence, pairs: PairIndex, options: ProximityOptions): number {
  const { byFirst, firsts } = pairs;
  if (byFirst.size === 0 || options.weight === 0) return 0;
  const { ids, positions } = sequence;
  const hasPositions = positions.length === ids.length;
  let counts: Map<PhrasePair, number> | undefined;
  for (let k = 0; k + 1 < ids.length; k++) {
    const id = ids[k]!;
    if (!firsts[id & FILTER_MASK]) continue;
    const list = byFirst.get(id);
    if (!list) continue;
    const gap = hasPositions ? (positions[k + 1] ?? 0) - (positions[k] ?? 0) : 1;
    if (gap > options.maxGap) continue;
    const next = ids[k + 1];
    for (const pair of list) {
      if (pair.second !== next) continue;
      counts ??= new Map();
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  if (!counts) return 0;
  let bonus = 0;
  for (const [pair, tf] of counts) bonus += (pair.weight * tf * (options.k + 1)) / (tf + options.k);
  return options.weight * bonus;
}
