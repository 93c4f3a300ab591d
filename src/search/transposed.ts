import { cachedStem } from './engine-analyze.js';
import { STOP_WORDS } from './stopwords.js';
import type { AnalyzedToken } from './analyzer.js';

/** Shortest typed word read for swapped letters: in shorter ones a swap makes another word too often. */
const SHORTEST = 5;

/**
 * A question's word with two neighbouring letters swapped back, when that is a typo: the word as typed
 * is unknown to the corpus and to the lexicon (no English word it knows), and exactly one swap of two
 * neighbouring letters gives a word the corpus holds ("presdient" → "president", "insluted" →
 * "insulted"). Edit distances count a swap as two edits, and a stem the typo broke ("presdient" is no
 * "presid") is further still, so near spellings miss these. Returns the token itself otherwise.
 */
export function untransposed(token: AnalyzedToken, known: (term: string) => boolean, related: (term: string) => readonly unknown[]): AnalyzedToken {
  const typed = token.surface;
  if (typed.length < SHORTEST || known(token.term) || related(token.term).length || !/^[a-z]+$/.test(typed)) return token;
  let found: Pick<AnalyzedToken, 'surface' | 'term'> | undefined;
  for (let i = 0; i + 1 < typed.length; i++) {
    if (typed[i] === typed[i + 1]) continue;
    const surface = typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2);
    if (STOP_WORDS.has(surface)) continue;
    const term = cachedStem(surface);
    if (!known(term) || found?.term === term) continue;
    // Two swaps that make two words: no telling which was meant.
    if (found) return token;
    found = { surface, term };
  }
  return found ? { ...token, surface: found.surface, term: found.term } : token;
}
