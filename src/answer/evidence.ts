import { distance } from 'fastest-levenshtein';
import type { AnalyzedQuery, ConceptTerm } from '../search/query.js';

/**
 * Credit for a concept found only through a near spelling (a typo the engine forgave): a long word one
 * edit away ("atwood"/"attwood") is very likely the same word; a short one ("bake"/"make") is not.
 */
export function typoCredit(term: string, passageTerms: Iterable<string>): number {
  return creditOf(term, passageTerms, (t) => distance(term, t));
}

/**
 * `typoCredit` of one term over many sets of words, each word's edit distance to it computed once: a
 * question's unknown term is checked against every sentence of every passage it ranks.
 */
export function typoCreditOf(term: string): (passageTerms: Iterable<string>) => number {
  const distances = new Map<string, number>();
  const measured = (t: string) => {
    let d = distances.get(t);
    if (d === undefined) distances.set(t, (d = distance(term, t)));
    return d;
  };
  return (passageTerms) => creditOf(term, passageTerms, measured);
}

function creditOf(term: string, passageTerms: Iterable<string>, distanceTo: (t: string) => number): number {
  if (term.length < 5) return 0;
  let best = Infinity;
  for (const t of passageTerms) {
    if (Math.abs(t.length - term.length) > 2) continue;
    best = Math.min(best, distanceTo(t));
    if (best <= 1) break;
  }
  if (best <= 1) return term.length >= 6 ? 0.8 : 0.5;
  return best === 2 && term.length >= 8 ? 0.5 : 0;
}

/** True when the concept's term, or all the terms of one of its alternatives, are in `terms`. */
export function conceptFound(concept: ConceptTerm, terms: ReadonlySet<string>): boolean {
  return terms.has(concept.term) || concept.alternatives.some((alt) => alt.every((t) => terms.has(t)));
}

/** Typo credit for a concept: the better of its stem's and its typed word's (see `typoCredit`). */
export function conceptTypoCredit(concept: ConceptTerm, terms: ReadonlySet<string>): number {
  return conceptTypoCreditOf(concept)(terms);
}

/** `conceptTypoCredit` of one concept over many sets of words (see `typoCreditOf`). */
export function conceptTypoCreditOf(concept: ConceptTerm): (terms: ReadonlySet<string>) => number {
  const stem = typoCreditOf(concept.term);
  if (concept.surface === concept.term) return stem;
  const surface = typoCreditOf(concept.surface);
  return (terms) => Math.max(stem(terms), surface(terms));
}

/**
 * IDF-weighted coverage of the question's content terms by a passage, from 0 to 1: the share of the
 * question's information that the passage holds. A term the corpus does not know at all weighs more
 * than the rarest term it does (see `idf`), so "bake sourdough bread" scores near 0 everywhere; such a
 * term earns `conceptTypoCredit` when the passage holds a near spelling of it (a typo).
 *
 * @param known whether the index knows a term: only unknown terms are read as typos.
 * @param typo the typo credit of the question's k-th concept in a set of words (default `conceptTypoCredit`).
 */
export function coverage(
  query: AnalyzedQuery,
  passageTerms: ReadonlySet<string>,
  idf: (term: string) => number,
  known: (term: string) => boolean,
  typo: (k: number, terms: ReadonlySet<string>) => number = (k, terms) => conceptTypoCredit(query.concepts[k]!, terms),
): number {
  let total = 0;
  let found = 0;
  query.concepts.forEach((concept, k) => {
    const weight = idf(concept.term);
    total += weight;
    if (conceptFound(concept, passageTerms)) found += weight;
    else if (!known(concept.term)) found += weight * typo(k, passageTerms);
  });
  return total > 0 ? found / total : 0;
}
