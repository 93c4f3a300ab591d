/**
 * Typo tolerance: near spellings of a query term found in the vocabulary ("atwood" → "attwood").
 * Used for terms the vocabulary lacks, or on request; each near spelling is scored as its own term
 * at a reduced weight, so it never outweighs the exact spelling of the same word.
 */

/** Settings of typo tolerance. */
export interface FuzzyOptions {
  /** Weight of a near spelling relative to its query term, before the distance discount. Default 0.5. */
  weight: number;
  /** Shortest term (in characters) that gets near spellings; shorter ones are too ambiguous. Default 4. */
  minLength: number;
  /** Terms this long or longer may be 2 edits away; shorter ones 1. Default 8. */
  twoEditsFrom: number;
  /** At most this many near spellings per term, the closest (then the most common) first. Default 3: each one costs its postings. */
  maxVariants: number;
}

/** Defaults: `{ weight: 0.5, minLength: 4, twoEditsFrom: 8, maxVariants: 3 }`. */
export const DEFAULT_FUZZY: FuzzyOptions = { weight: 0.5, minLength: 4, twoEditsFrom: 8, maxVariants: 3 };

/** Indexed words near a spelling, with their edit distances. */
export type NearWords = ReadonlyArray<{ term: string; distance: number }>;

/** What finds indexed terms near a spelling (the engine's minisearch index). */
export interface NearTermFinder {
  nearTerms(term: string, maxDistance: number): NearWords;
}

/**
 * Near spellings of `term` with their weights. Each weight is `weight · len/(len + distance)`; when
 * the term itself is in the vocabulary (`known`), it is further scaled by `min(1, idf(term) /
 * idf(variant))`, so a rarer near spelling cannot outscore the exact term on idf alone.
 */
export function fuzzyVariants(
  term: string,
  known: boolean,
  finder: NearTermFinder,
  idf: (term: string) => number,
  options: Partial<FuzzyOptions> = {},
): Array<{ term: string; weight: number }> {
  const { weight, minLength, twoEditsFrom, maxVariants } = { ...DEFAULT_FUZZY, ...options };
  if (term.length < minLength || weight <= 0) return [];
  const maxDistance = term.length >= twoEditsFrom ? 2 : 1;
  const near = finder
    .nearTerms(term, maxDistance)
    .map((v) => ({ ...v, idf: idf(v.term) }))
    .sort((a, b) => a.distance - b.distance || a.idf - b.idf || (a.term < b.term ? -1 : 1))
    .slice(0, maxVariants);
  const exactIdf = known ? idf(term) : 0;
  return near.map((v) => {
    let w = (weight * term.length) / (term.length + v.distance);
    if (known && v.idf > 0) w *= Math.min(1, exactIdf / v.idf);
    return { term: v.term, weight: w };
  });
}
