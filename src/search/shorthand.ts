/**
 * A chat's shorthand for the words a question is framed with read as those words ("abt" → "about",
 * "b4" → "before", "y did…" → "why did…", "what yr…" → "what year…"), before anything else reads the
 * question: a word nobody writes in a document, which had counted as a content word the corpus lacks
 * (and so against an answer), and hidden what is asked ("y did Kissinger…" asks why). Reported as a
 * typo's reading is (`ReadAs`), so the reply says so. Shorthand for a content word ("ppl", "govt",
 * "prez") is an alias instead (aliases.json): it is searched, and credited where its word is found.
 */
import { cachedStem } from './engine-analyze.js';
import type { ReadAs } from './transposed.js';

/**
 * Shorthand typed in lower case and what it stands for: words that frame a question (its question
 * words, prepositions, conjunctions and "year"), each meaning one thing in a question about history;
 * not "u" ("U Thant") nor "r", which only stand for stop words anyway.
 */
export const SHORTHAND: Readonly<Record<string, string>> = {
  abt: 'about',
  b4: 'before',
  'b/c': 'because',
  bc: 'because',
  bcuz: 'because',
  becuz: 'because',
  cuz: 'because',
  coz: 'because',
  'w/': 'with',
  'w/o': 'without',
  thru: 'through',
  tho: 'though',
  yr: 'year',
  yrs: 'years',
  wat: 'what',
  wut: 'what',
  wen: 'when',
};

/** "y" is "why" only where it asks: before an auxiliary ("y did…", "y wasn't…"). */
const Y_ASKS = /^(?:did|does|do|was|were|is|are|would|will|has|had|have|can|could|should|didn['’]?t|doesn['’]?t|wasn['’]?t|weren['’]?t|isn['’]?t|wouldn['’]?t|not)\b/;

/** A word as typed, with the slash some shorthand is written with ("w/o", "b/c"). */
const WORD = /(?<![\p{L}\p{N}/])[\p{L}\p{N}]+(?:\/[\p{L}\p{N}]*)?(?![\p{L}\p{N}/])/gu;

/**
 * The question with its shorthand read (see `SHORTHAND`), and what was read. A word the corpus holds
 * (`known`, by its stem) is its own word, not shorthand: a corpus of records may write "pres" itself.
 */
export function readShorthand(text: string, known: (term: string) => boolean): { text: string; readAs: ReadAs[] } {
  const readAs: ReadAs[] = [];
  let first = true;
  const out = text.replace(WORD, (typed, at: number) => {
    // The question's first word may be capitalized ("Y did…", "B4 the crisis…"); any other capitalized word is a name.
    const word = first && /^\p{Lu}[^\p{Lu}]*$/u.test(typed) ? typed.toLowerCase() : typed;
    first = false;
    const lower = word === 'y' ? (Y_ASKS.test(text.slice(at + 1).trimStart()) ? 'why' : undefined) : SHORTHAND[word];
    if (lower === undefined || (word !== 'y' && known(cachedStem(word.replace('/', ''))))) return typed;
    const read = word === typed ? lower : lower[0]!.toUpperCase() + lower.slice(1);
    readAs.push({ typed, read });
    return read;
  });
  return { text: out, readAs };
}

/** The stems of the shorthand a question types: whether the corpus holds them decides their reading (see `readShorthand`). */
export function shorthandLookups(text: string): string[] {
  const out: string[] = [];
  for (const [typed] of text.matchAll(WORD)) if (SHORTHAND[typed] !== undefined) out.push(cachedStem(typed.replace('/', '')));
  return out;
}
