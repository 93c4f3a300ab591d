import { cachedStem } from './engine-analyze.js';
import { STOP_WORDS } from './stopwords.js';
import { QUESTION_WORDS } from './question-type.js';
import { PERIOD_WORDS } from './question-period.js';
import { fold } from '../text/fold.js';

/** A word of a question read as another: as typed, and as read (in the case it was typed in). */
export interface ReadAs {
  typed: string;
  read: string;
}

/** Shortest typed word read for swapped letters: in shorter ones a swap makes another word too often. */
const SHORTEST = 5;

/** A word of the question as typed: a run of letters, accented ones too. */
const WORD = /\p{L}+/gu;
const ASCII_WORD = /^[a-z]+$/;

/**
 * The question with each typo of two neighbouring letters swapped put right, and the words it read so
 * ("presdient" as "president", "hapepned" as "happened", "ambassdaor" as "ambassador"). A word is
 * read so when neither the corpus (`known`, by its stem) nor the lexicon (`related`: a word with
 * relatives in the corpus) nor the question's own frames (`QUESTION_WORDS`, `PERIOD_WORDS`, stop
 * words) know it, and exactly one swap of two neighbouring letters gives a word one of them does. Edit distances count a swap as two edits, and a
 * typo can stem a word apart ("presdient" is no "presid"), so near spellings miss these; a frame word
 * typed wrong ("what hapepned in…") no longer reads as frame. Swaps keep the text's length, so every
 * offset into the question stands.
 */
export function respell(text: string, known: (term: string) => boolean, related: (term: string) => readonly unknown[]): { text: string; readAs: ReadAs[] } {
  const readAs: ReadAs[] = [];
  /** A word something reads: a stop word, a word of the question's frames, one the corpus holds or the lexicon relates to it. */
  const readable = (w: string) => STOP_WORDS.has(w) || QUESTION_WORDS.has(w) || PERIOD_WORDS.has(w) || known(cachedStem(w)) || related(cachedStem(w)).length > 0;
  const out = text.replace(WORD, (typed) => {
    if (typed.length < SHORTEST) return typed;
    // Folded only past plain letters (on every question's every word, the ask path's allocations count).
    const lower = typed.toLowerCase();
    const word = ASCII_WORD.test(lower) ? lower : fold(typed);
    if (word.length !== typed.length || !ASCII_WORD.test(word) || readable(word)) return typed;
    let found: string | undefined;
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (swapped === found || !readable(swapped)) continue;
      // Two swaps that make two words: no telling which was meant.
      if (found) return typed;
      found = swapped;
    }
    if (!found) return typed;
    const read = inCaseOf(typed, found);
    readAs.push({ typed, read });
    return read;
  });
  return { text: out, readAs };
}

/** A word read for another, in the case it was typed in: "Castor" as "Castro", "castor" as "castro". */
function inCaseOf(typed: string, word: string): string {
  if (typed === typed.toUpperCase()) return word.toUpperCase();
  return /^\p{Lu}/u.test(typed) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
