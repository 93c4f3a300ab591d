import type { QueryTerm } from './engine-types.js';
import type { NearWords } from './engine-fuzzy.js';
import type { ConceptTerm } from './query-types.js';
import { isDictionaryWord } from '../text/dictionary.js';

/**
 * The weight in the search of another spelling the corpus gives a name, against 1 for the spelling
 * typed: the passages that spell it as the question does still come first.
 */
export const SPELLING_WEIGHT = 0.6;
/** Shortest name whose other spellings are read: in shorter ones one letter makes another name too often ("Bundy", "Bunda"). */
const SHORTEST = 6;
/** At most this many other spellings per name (the first in alphabetical order: any retriever finds the same). */
const MOST = 2;
/**
 * How much rarer than the name a spelling may be: a twentieth as common (as IDF, its logarithm). A
 * scanned archive misreads a common name hundreds of ways once each ("Castro" as "caatro", "cabtro"),
 * slips no reader would look for, which cost every question naming it ~0.1 ms on 107 MB of records.
 */
const RARER = Math.log(20);

/**
 * True when two terms share their first and last letters and neither begins the other: they differ
 * inside ("sorensen" / "sorenson"), not where an analyzed word's ending differs ("america" /
 * "american", "goodwin" / "goodwil" of "goodwill").
 */
function differsInside(a: string, b: string): boolean {
  return a[0] === b[0] && a.at(-1) === b.at(-1) && !a.startsWith(b) && !b.startsWith(a);
}

/**
 * A name the corpus spells two ways stands for both: one cable writes "Theodore Sorensen" and, ten
 * lines on, "Sorenson also emphasized…"; a page's "Peter Kornbluh" is once "Peter Kornblush". A name
 * of the question (capitalized inside it) that the corpus holds, of six letters or more, is also found
 * as each word of the corpus one letter other, more or less than it inside (`near`, by the analyzed
 * term; see `differsInside`) that is no English word ("Bardon" never reads "baron"), unless the name
 * typed is an English word itself ("Carter", "Brown"), and that is at most `RARER` rarer than the name
 * (by `weight`, the IDF): as an alternative of its concept, credited as the name itself, and searched
 * at `SPELLING_WEIGHT`. The typo handling reads only words the corpus lacks; a name it holds is spelt
 * as the corpus does, but not always as all of the corpus does.
 * (`/who`'s registry of people, src/people/, flags a surname's spellings only beside one given name,
 * "Peter Kornbluh" / "Peter Kornblush", so never "Sorenson" alone; it is built when `/who` or `/quiz`
 * first needs it, and a PostgreSQL replica's retrieval reads none. The index's own words serve every
 * retriever.)
 */
export function nameSpellings(
  concepts: ReadonlyMap<string, ConceptTerm>,
  terms: QueryTerm[],
  corpus: { known: (term: string) => boolean; near: (term: string) => NearWords; weight: (term: string) => number },
): void {
  for (const concept of concepts.values()) {
    if (!readsSpellings(concept) || !corpus.known(concept.term)) continue;
    const others = otherSpellings(concept.term, corpus).filter((word) => !concepts.has(word));
    // (The English word list is read only for a name that has such words: most have none, and reading it costs ~0.05 s once.)
    if (!others.length || isDictionaryWord(concept.surface)) continue;
    const spellings = others.filter((word) => !isDictionaryWord(word)).slice(0, MOST);
    for (const spelling of spellings) {
      concept.alternatives.push([spelling]);
      terms.push({ term: spelling, weight: SPELLING_WEIGHT });
    }
  }
}

/**
 * A name's other spellings by the corpus alone, in alphabetical order: each word one letter other
 * inside it (`differsInside`) and at most `RARER` rarer. Remembered by the near words' list a
 * retriever gives (the index remembers its lists, and makes new ones when its words change): on a
 * scanned archive "castro" has hundreds of misreadings one letter off, whose weights a question naming
 * him had looked up each time (~6 % of its time on 107 MB of records, by a CPU profile).
 */
function otherSpellings(term: string, corpus: { near: (term: string) => NearWords; weight: (term: string) => number }): readonly string[] {
  const near = corpus.near(term);
  let others = spellingsByNear.get(near);
  if (!others) {
    const most = corpus.weight(term) + RARER;
    others = near
      .filter((word) => word.distance === 1 && differsInside(term, word.term) && corpus.weight(word.term) <= most)
      .map((word) => word.term)
      .sort();
    spellingsByNear.set(near, others);
  }
  return others;
}

/** `otherSpellings` by the list of near words it was read from. */
const spellingsByNear = new WeakMap<NearWords, readonly string[]>();

/** True when a concept is a name whose other spellings in the corpus are read, if it holds it (see `nameSpellings`): a retriever looks up the words near these. */
export function readsSpellings(concept: ConceptTerm): boolean {
  return concept.name && concept.term.length >= SHORTEST;
}
