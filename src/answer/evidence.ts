import { distance } from 'fastest-levenshtein';
import type { AnalyzedQuery, ConceptTerm } from '../retrieval/types.js';
import { RELATED } from '../retrieval/analysis.js';
import type { NearWords } from '../retrieval/types.js';

/**
 * Credit for a concept found only through a near spelling (a typo the engine forgave): a long word one
 * edit away ("atwood"/"attwood") is very likely the same word; a short one ("bake"/"make") is not.
 */
export function typoCredit(term: string, passageTerms: Iterable<string>): number {
  return creditOf(term, passageTerms, (t) => distance(term, t));
}

/**
 * `typoCredit` of one term over many sets of words: a question's unknown term is checked against every
 * sentence of every passage it ranks. With `near`, every word within two edits of the term that the
 * sets can hold (the index's words near it), a set is asked for those few words; without, each word's
 * edit distance to the term is computed once.
 */
export function typoCreditOf(term: string, near?: NearWords): (passageTerms: Iterable<string>) => number {
  if (near) return nearCredit(term, near);
  const distances = new Map<string, number>();
  const measured = (t: string) => {
    let d = distances.get(t);
    if (d === undefined) distances.set(t, (d = distance(term, t)));
    return d;
  };
  return (passageTerms) => creditOf(term, passageTerms, measured);
}

/** `typoCreditOf` from the words near the term: only distances up to 2 earn credit. */
function nearCredit(term: string, near: NearWords): (passageTerms: Iterable<string>) => number {
  if (term.length < 5 || near.length === 0) return () => 0;
  const distances = new Map(near.map((n) => [n.term, n.distance]));
  return (passageTerms) => {
    let best = Infinity;
    if (passageTerms instanceof Set) {
      for (const n of near) if (n.distance < best && passageTerms.has(n.term)) best = n.distance;
    } else {
      for (const t of passageTerms) best = Math.min(best, distances.get(t) ?? Infinity);
    }
    return creditFor(term, best);
  };
}

function creditOf(term: string, passageTerms: Iterable<string>, distanceTo: (t: string) => number): number {
  if (term.length < 5) return 0;
  let best = Infinity;
  for (const t of passageTerms) {
    if (Math.abs(t.length - term.length) > 2) continue;
    best = Math.min(best, distanceTo(t));
    if (best <= 1) break;
  }
  return creditFor(term, best);
}

/** The typo credit of a term's nearest spelling in the whole corpus (`near`: the corpus's words within two edits of it). */
export function nearestSpellingCredit(term: string, near: NearWords): number {
  if (term.length < 5) return 0;
  let best = Infinity;
  for (const n of near) best = Math.min(best, n.distance);
  return creditFor(term, best);
}

/**
 * Below this IDF a word is the corpus's own topic (in about a third of its passages or more: "Cuba",
 * "US" here), which says nothing about which period's events a question wants, nor, as a name, whom a
 * passage is about, nor, as a country, which country a question asks for.
 */
export const TOPIC_IDF = 0.6;

/**
 * Typo credit of a near spelling sure enough to stand for the word typed: a long word one edit away
 * ("kornblu"), not a short one ("stall" is not "still").
 */
export const SURE_TYPO = 0.8;

/** The credit of a term whose nearest spelling in a passage is `best` edits away. */
function creditFor(term: string, best: number): number {
  if (best <= 1) return term.length >= 6 ? SURE_TYPO : 0.5;
  return best === 2 && term.length >= 8 ? 0.5 : 0;
}

/** True when the concept's term, or all the terms of one of its alternatives, are in `terms`. */
export function conceptFound(concept: ConceptTerm, terms: ReadonlySet<string>): boolean {
  if (terms.has(concept.term)) return true;
  next: for (const alternative of concept.alternatives) {
    for (const t of alternative) if (!terms.has(t)) continue next;
    return true;
  }
  return false;
}

/**
 * How much of a concept `terms` hold: 1 for its word or an alias, the relation's credit (`RELATED`)
 * for a related word of the lexicon, else 0. A related word in `taken`, one that already stood for
 * another of the question's concepts, stands for none: one word says one thing ("the government's
 * hold" is not both the property and the seizing asked about). The related word used is added to `taken`.
 */
export function conceptCredit(concept: ConceptTerm, terms: ReadonlySet<string>, taken: string[] = []): number {
  if (conceptFound(concept, terms)) return 1;
  let best = 0;
  let by: string | null = null;
  for (const r of concept.related) {
    const credit = RELATED[r.relation].credit;
    if (credit <= best || !terms.has(r.term) || taken.includes(r.term)) continue;
    best = credit;
    by = r.term;
  }
  if (by !== null) taken.push(by);
  return best;
}

/** Typo credit for a concept: the better of its stem's and its typed word's (see `typoCredit`). */
export function conceptTypoCredit(concept: ConceptTerm, terms: Iterable<string>): number {
  return conceptTypoCreditOf(concept)(terms);
}

/** `conceptTypoCredit` of one concept over many sets of words (see `typoCreditOf`; `near` finds a term's near words). */
export function conceptTypoCreditOf(concept: ConceptTerm, near?: (term: string) => NearWords): (terms: Iterable<string>) => number {
  const stem = typoCreditOf(concept.term, near?.(concept.term));
  if (concept.surface === concept.term) return stem;
  const surface = typoCreditOf(concept.surface, near?.(concept.surface));
  return (terms) => Math.max(stem(terms), surface(terms));
}

/**
 * A word of the question the corpus lacks is said, if at all, by one of its related words: that word
 * stands for it at this many times its relation's credit (a synonym, 0.8, counts whole), and the lacked
 * word weighs this much less than an unknown term's weight (the `idf` of a term no passage holds),
 * which is still above any word the corpus holds. ("what did the cubans think of the US invasion
 * threat": "threat", lacked, weighed so much that "dangerous", its hypernym, outweighed "invasion".)
 */
export const LACKED_WORD = 1.25;

/**
 * A concept's weight: its term's IDF, a lacked word's less `LACKED_WORD` (see there), times the concept's
 * own weight. A word the corpus holds that is not a name weighs as its commonest form: "say", rare,
 * is mostly written "said", and weighed as "say" it outweighed every other word of "what did Kennedy
 * say in his letter about refugees" (the letter's sentence on refugees seventh). A form of several words
 * is as common as its rarest word. A lacked word keeps its own weight (its forms, "impasse" for
 * "stall", are what the question asks), and so does a name (its aliases, "JFK" for "Kennedy", are other
 * names of one person, not its forms: read as one, the paraphrased sets lost answers).
 */
export function conceptWeight(concept: ConceptTerm, idf: (term: string) => number, known: boolean): number {
  let weight = known ? idf(concept.term) : idf(concept.term) / LACKED_WORD;
  if (known && !concept.name) for (const alternative of concept.alternatives) {
    let rarest = 0;
    for (const t of alternative) rarest = Math.max(rarest, idf(t));
    if (rarest < weight) weight = rarest;
  }
  return weight * concept.weight;
}

/** The indexes of `weights`, heaviest first (the first of equals first): the order related words are handed out in (see `conceptCredit`). */
export function heaviestFirst(weights: readonly number[]): number[] {
  // An insertion sort, stable: a question has a few concepts, and Array#sort's scratch was a few percent of what a question allocates.
  const order = new Array<number>(weights.length);
  for (let k = 0; k < weights.length; k++) {
    let at = k;
    for (; at > 0 && weights[order[at - 1]!]! < weights[k]!; at--) order[at] = order[at - 1]!;
    order[at] = k;
  }
  return order;
}

/** A lacked word's credit from its relation's (see `LACKED_WORD`), at most whole. */
export function lackedWordCredit(credit: number): number {
  return Math.min(1, credit * LACKED_WORD);
}

/**
 * IDF-weighted coverage of the question's content terms by a passage, from 0 to 1: the share of the
 * question's information that the passage holds. A term the corpus does not know at all weighs more
 * than the rarest term it does (see `idf` and `LACKED_WORD`), so "bake sourdough bread" scores near 0
 * everywhere; such a term earns `conceptTypoCredit` when the passage holds a near spelling of it (a
 * typo), and a related word of it stands for it more fully than for a word the corpus holds. A related
 * word stands for one concept at most, the heaviest it can (see `conceptCredit`).
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
  const weights = query.concepts.map((concept) => conceptWeight(concept, idf, known(concept.term)));
  const taken: string[] = [];
  for (const k of heaviestFirst(weights)) {
    const concept = query.concepts[k]!;
    const lacked = !known(concept.term);
    const weight = weights[k]!;
    total += weight;
    const raw = conceptCredit(concept, passageTerms, taken);
    const credit = lacked ? lackedWordCredit(raw) : raw;
    if (credit === 1) found += weight;
    else found += weight * Math.max(credit, known(concept.term) ? 0 : typo(k, passageTerms));
  }
  return total > 0 ? found / total : 0;
}
