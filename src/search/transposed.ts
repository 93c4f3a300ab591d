import { cachedStem } from './engine-analyze.js';
import { STOP_WORDS } from './stopwords.js';
import { FRAME_WORDS, QUESTION_WORDS } from './question-type.js';
import { PERIOD_WORDS } from './question-period.js';
import { fold } from '../text/fold.js';
import { isDictionaryWord } from '../text/dictionary.js';
import { distance } from 'fastest-levenshtein';

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
/** What a word of the corpus may end with past its stem and still be its plain form (see `respell`). */
const PLAIN_ENDING = /^(?:s|es|er|ers|ed|ing|ings)?$/;
/** What follows a contraction's first part ("wouldn't"). */
const APOSTROPHE = /['’]/;

/**
 * The question with each typo of two neighbouring letters swapped put right, and the words it read so
 * ("presdient" as "president", "hapepned" as "happened", "ambassdaor" as "ambassador"). A word is
 * read so when neither the corpus (`known`, by its stem) nor the lexicon (`related`: a word with
 * relatives in the corpus) nor the question's own frames (`QUESTION_WORDS`, `PERIOD_WORDS`, stop
 * words) know it, and exactly one swap of two neighbouring letters gives a word one of them does. Edit
 * distances count a swap as two edits, and a typo can stem a word apart ("presdient" is no "presid"),
 * so near spellings miss these; a frame word typed wrong ("what hapepned in…") no longer reads as
 * frame. Such a word that no swap reads, and that is not a name (capitalized inside the question), is
 * read as the one word of the frames a letter more, less or other than it (`frameWordNear`: "what
 * hapened in 1977" asks what happened, "betwen 1970 and 1975" a period). The corpus's own words need
 * no such reading: the search and the coverage find them at one edit already. A word of the English
 * word list is no typo, but for a name (see `readSwap`). `text` is the question as read, `readAs`
 * what was read.
 */
export function respell(text: string, known: (term: string) => boolean, related: (term: string) => readonly unknown[]): { text: string; readAs: ReadAs[] } {
  const readAs: ReadAs[] = [];
  /** A word the question's frames are written with, or a stop word. */
  const framing = (w: string) => STOP_WORDS.has(w) || QUESTION_WORDS.has(w) || PERIOD_WORDS.has(w);
  /** A stem the corpus holds or the lexicon relates to it. */
  const readStem = (stem: string) => known(stem) || related(stem).length > 0;
  /**
   * A swap that gives a word something reads: a frame's word, or a word the corpus holds or the lexicon
   * relates to it that is an English word ("president") or a term of the corpus's own, as it is or
   * with a plain ending (names: "castro", "kissinger", "cubans"). Never a word that only stems to one
   * ("facte" is no form of "fact"; "quitely", stemmed "quit", none of "quit"). A word typed that is
   * English ("dairy", "flies", "internet") is no typo, and is read only when it is a name typed for
   * the corpus's ("Castor" inside the question, as "Castro").
   */
  const readSwap = (w: string, english: boolean, name: boolean) => {
    const stem = cachedStem(w);
    const plainForm = known(stem) && w.startsWith(stem) && PLAIN_ENDING.test(w.slice(stem.length));
    if (english) return name && plainForm;
    return framing(w) || plainForm || (isDictionaryWord(w) && readStem(stem));
  };
  const out = text.replace(WORD, (typed, at: number) => {
    // A contraction's first part ("wouldn't") is a word of its own.
    if (typed.length < SHORTEST || APOSTROPHE.test(text[at + typed.length] ?? '')) return typed;
    // Folded only past plain letters (on every question's every word, the ask path's allocations count).
    const lower = typed.toLowerCase();
    const word = ASCII_WORD.test(lower) ? lower : fold(typed);
    if (word.length !== typed.length || !ASCII_WORD.test(word) || framing(word) || readStem(cachedStem(word))) return typed;
    const name = at > 0 && /^\p{Lu}/u.test(typed);
    const swaps = swapsOf(word).filter((w) => framing(w) || readStem(cachedStem(w)));
    const near = name ? undefined : frameWordNear(word);
    // The word list is read only for a word that may be a typo of one something reads ("sourdough" is none).
    if (!swaps.length && !near) return typed;
    const english = isDictionaryWord(word);
    const read = swaps.filter((w) => readSwap(w, english, name));
    // Two swaps that make two words: no telling which was meant.
    if (read.length > 1) return typed;
    const found = read[0] ?? (english ? undefined : near);
    if (!found) return typed;
    const shown = inCaseOf(typed, found);
    readAs.push({ typed, read: shown });
    return shown;
  });
  return { text: out, readAs };
}

/**
 * The stems `respell` may ask `known` about for a question: the stem of each word long enough to be
 * read for a typo, and the stem of each of its swaps. A retriever whose vocabulary lives elsewhere (a
 * database) looks these up with the question's own words, so that `known` answers for them as the
 * index's would.
 */
export function respellLookups(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const typed = m[0];
    if (typed.length < SHORTEST) continue;
    const word = fold(typed).toLowerCase();
    if (!ASCII_WORD.test(word)) continue;
    out.add(cachedStem(word));
    for (const swap of swapsOf(word)) out.add(cachedStem(swap));
  }
  return [...out];
}

/**
 * The words a question is framed with ("happened", "important", "explain") and its periods are
 * ("between", "eighties"), which a word one letter off stands for (see `respell`); not the type
 * rules' words, nouns the corpus may hold ("cuban", "reporter"), whose near spellings the search finds.
 */
const FRAME_AND_PERIOD_WORDS: readonly string[] = [...new Set([...FRAME_WORDS, ...PERIOD_WORDS])];

/** The words one swap of two neighbouring, different letters makes of `word`, each once. */
function swapsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (!out.includes(swapped)) out.push(swapped);
  }
  return out;
}

/** The one frame word a letter more, less or other than `word`; none when no frame word is, or two are. */
function frameWordNear(word: string): string | undefined {
  let found: string | undefined;
  for (const frame of FRAME_AND_PERIOD_WORDS) {
    if (Math.abs(frame.length - word.length) > 1 || distance(word, frame) !== 1) continue;
    if (found) return undefined;
    found = frame;
  }
  return found;
}

/** A word read for another, in the case it was typed in: "Castor" as "Castro", "castor" as "castro". */
function inCaseOf(typed: string, word: string): string {
  if (typed === typed.toUpperCase()) return word.toUpperCase();
  return /^\p{Lu}/u.test(typed) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
