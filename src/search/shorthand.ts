/**
 * A chat's shorthand for the words a question is framed with read as those words ("abt" → "about",
 * "b4" → "before", "y did…" → "why did…", "who r…" → "who are…", "what yr…" → "what year…"), before anything else reads the
 * question: a word nobody writes in a document, which had counted as a content word the corpus lacks
 * (and so against an answer), and hidden what is asked ("y did Kissinger…" asks why). Reported as a
 * typo's reading is (`ReadAs`), so the reply says so. Shorthand for a content word ("ppl", "govt",
 * "prez") is an alias instead (aliases.json): it is searched, and credited where its word is found.
 */
import { cachedStem } from './engine-analyze.js';
import type { ReadAs } from './transposed.js';

/**
 * Shorthand typed in lower case and what it stands for: words that frame a question (its question
 * words, prepositions, conjunctions and "year"), each meaning one thing in a question about history.
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
  hw: 'how',
};

/** An auxiliary, which a question word comes before. */
const AUXILIARY = 'did|does|do|was|were|is|are|would|will|has|had|have|can|could|should|didn[\'’]?t|doesn[\'’]?t|wasn[\'’]?t|weren[\'’]?t|isn[\'’]?t|wouldn[\'’]?t|not';

/** What follows a letter that stands for a conjunction or a preposition: a word. */
const A_WORD = /^\p{L}{2,}/u;

/**
 * Letters that stand for a word only where the words around them ask it: "y" for "why" before an
 * auxiliary ("y did…"); "r" for "are" after a question word or before a subject ("who r the…", "r
 * there…"); "u" for "you" before a verb asked of the bot ("can u tell me…", "do u know…"), never
 * before a name ("what did u thant say" asks about U Thant); "w" for "with" and "n" for "and" before a
 * word ("talked w castro", "obama n raul"; capitalized, "George W. Bush", "Richard N. Goodwin", they
 * are a name's initials).
 */
const LETTERS: Readonly<Record<string, { read: string; before?: RegExp; after?: RegExp }>> = {
  y: { read: 'why', before: new RegExp(`^(?:${AUXILIARY})\\b`) },
  r: { read: 'are', before: /^(?:the|there|they|these|those|you|u|we|any|some|all)\b/, after: /\b(?:who|what|where|when|why|how|which)\s*$/ },
  u: { read: 'you', before: /^(?:tell|know|explain|give|say|help|think|show|find|list|remember|mean|describe|summari[sz]e)\b/ },
  n: { read: 'and', before: A_WORD },
  w: { read: 'with', before: A_WORD },
};

/** The reading of a letter of `LETTERS` at `at` in `text`, if the words around it ask for one. */
function letterRead(letter: string, text: string, at: number): string | undefined {
  const rule = LETTERS[letter];
  if (!rule) return undefined;
  const next = text.slice(at + 1).trimStart();
  return rule.before?.test(next) || rule.after?.test(text.slice(0, at)) ? rule.read : undefined;
}

/** A word as typed, with the slash some shorthand is written with ("w/o", "b/c"). */
const WORD = /(?<![\p{L}\p{N}/])[\p{L}\p{N}]+(?:\/[\p{L}\p{N}]*)?(?![\p{L}\p{N}/])/gu;

/**
 * The question with its shorthand read (see `SHORTHAND`, `LETTERS`), and what was read. A word the
 * corpus holds (`known`, by its stem) is its own word, not shorthand: a corpus of records may write
 * "thru" itself. Shorthand with a slash ("w/", "b/c") is always read: the word without it ("w", of
 * "George W. Bush") is another.
 */
export function readShorthand(text: string, known: (term: string) => boolean): { text: string; readAs: ReadAs[] } {
  const readAs: ReadAs[] = [];
  let first = true;
  const out = text.replace(WORD, (typed, at: number) => {
    const word = asWritten(typed, first);
    first = false;
    // (A letter is read by the words around it, whatever the corpus holds: it holds "U" of U Thant.)
    const letter = word.length === 1;
    const lower = letter ? letterRead(word, text, at) : SHORTHAND[word];
    if (lower === undefined || (!letter && !word.includes('/') && known(cachedStem(word)))) return typed;
    const read = word === typed ? lower : lower[0]!.toUpperCase() + lower.slice(1);
    readAs.push({ typed, read });
    return read;
  });
  return { text: out, readAs };
}

/** The stems of the shorthand a question types: whether the corpus holds them decides their reading (see `readShorthand`). */
export function shorthandLookups(text: string): string[] {
  const out: string[] = [];
  let first = true;
  for (const [typed] of text.matchAll(WORD)) {
    const word = asWritten(typed, first);
    first = false;
    if (SHORTHAND[word] !== undefined && !word.includes('/')) out.push(cachedStem(word));
  }
  return out;
}

/**
 * A word of the question as shorthand is written, in lower case: the question's first word may be
 * capitalized ("Y did…", "B4 the crisis…"); any other capitalized word is a name, never shorthand.
 */
function asWritten(typed: string, first: boolean): string {
  return first && /^\p{Lu}[^\p{Lu}]*$/u.test(typed) ? typed.toLowerCase() : typed;
}
