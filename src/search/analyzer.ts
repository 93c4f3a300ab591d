/**
 * Text analysis shared by indexing and querying: folding, tokenizing (with offsets into the
 * original text, so query terms can be highlighted inside verbatim quotes), stop words, stemming.
 *
 * Everything here runs in time linear in the input: one left-to-right scan, with lookahead of at
 * most a few characters at each step, and no backtracking regular expressions.
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.js';
import { fold } from '../text/fold.js';

/** A word as it stands in the original text. */
export interface Token {
  /** The folded word: lower case, no diacritics, apostrophes and thousands separators removed. */
  term: string;
  /** Offset (UTF-16 code units) of the word's first character in the original text. */
  start: number;
  /** Offset just past the word's last character in the original text (a possessive 's excluded). */
  end: number;
}

/** A token after analysis: what is indexed or searched, and where it came from. */
export interface AnalyzedToken {
  /** The final index term: the surface stemmed (unless `stem: false`). */
  term: string;
  /** The folded word before stemming, as `tokenize` gives it. */
  surface: string;
  /** Offset of the word in the original text (see `Token.start`). */
  start: number;
  /** Offset just past the word in the original text (see `Token.end`). */
  end: number;
  /**
   * Ordinal of the word among ALL the words of the text, stop words included, so two terms are
   * adjacent in the text exactly when their positions differ by one.
   */
  position: number;
}

/** Options of `analyze`. Defaults: `{ stopWords: true, stem: true }`. */
export interface AnalyzeOptions {
  /** Drop stop words (see `STOP_WORDS`). Defaults to `true`. */
  stopWords?: boolean;
  /** Reduce each word to its Porter stem (numbers are left as they are). Defaults to `true`. */
  stem?: boolean;
}

const NOT_WORD = /[^\p{L}\p{N}]/gu;

/** Folding for matching (NFKD, diacritics off, lower case, straight quotes): one definition, in src/text. */
export { fold };

// Character classes of the scanner.
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const MARK = 3;
const APOSTROPHE = 4;

const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{N}$/u;
const MARK_RE = /^\p{M}$/u;

function classOf(code: number): number {
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER;
    if (code >= 48 && code <= 57) return DIGIT;
    return code === 39 ? APOSTROPHE : OTHER;
  }
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) return APOSTROPHE;
  const char = String.fromCodePoint(code);
  if (LETTER_RE.test(char)) return LETTER;
  if (DIGIT_RE.test(char)) return DIGIT;
  if (MARK_RE.test(char)) return MARK;
  return OTHER;
}

/** A cursor over the text's code points, classifying each. */
class Scanner {
  constructor(readonly text: string) {}

  /** Class of the code point at `i` (OTHER past the end). */
  cls(i: number): number {
    return i < this.text.length ? classOf(this.text.codePointAt(i) ?? 0) : OTHER;
  }

  /** Width in UTF-16 units of the code point at `i`. */
  width(i: number): number {
    return (this.text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }

  isWord(i: number): boolean {
    const c = this.cls(i);
    return c === LETTER || c === DIGIT || c === MARK;
  }

  /** End of the run of word characters starting at `i`. */
  run(i: number): number {
    while (this.isWord(i)) i += this.width(i);
    return i;
  }

  isDigit(i: number): boolean {
    return this.cls(i) === DIGIT;
  }
}

/**
 * An acronym written with dots, "U.S." or "J.F.K.": single letters each followed by a dot, at least
 * two letters. Returns the end of the last letter, or -1 when there is no acronym at `i`.
 */
function acronymEnd(s: Scanner, i: number): number {
  let k = i;
  let letters = 0;
  let lastEnd = -1;
  while (s.cls(k) === LETTER) {
    const after = k + s.width(k);
    if (s.isWord(after)) break;
    letters += 1;
    lastEnd = after;
    if (s.text[after] !== '.') break;
    k = after + 1;
  }
  return letters >= 2 ? lastEnd : -1;
}

/** True when `i` is a comma followed by exactly three digits and then a non-word character. */
function thousandsGroupAt(s: Scanner, i: number): boolean {
  return (
    s.text[i] === ',' && s.isDigit(i + 1) && s.isDigit(i + 2) && s.isDigit(i + 3) && !s.isWord(i + 4)
  );
}

/** True when the text from `start` to `end` is 1–3 ASCII digits. */
function isShortNumber(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 3) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Scans one word starting at `i`; returns its end (exclusive) and where scanning resumes. */
function scanWord(s: Scanner, i: number): { end: number; next: number } {
  const acronym = acronymEnd(s, i);
  if (acronym >= 0) return { end: acronym, next: acronym };
  let j = s.run(i);
  const firstEnd = j;
  let grouped = false;
  for (;;) {
    if (s.cls(j) === APOSTROPHE && s.cls(j + 1) === LETTER) {
      const c = s.text[j + 1];
      if ((c === 's' || c === 'S') && !s.isWord(j + 2)) return { end: j, next: j + 2 }; // possessive
      j = s.run(j + 1); // "O'Brien", "don't": one word
      continue;
    }
    if ((grouped || (j === firstEnd && isShortNumber(s.text, i, firstEnd))) && thousandsGroupAt(s, j)) {
      grouped = true;
      j += 4;
      continue;
    }
    return { end: j, next: j };
  }
}

/**
 * Splits text into words with their offsets in the original string. Words are runs of letters and
 * digits; possessives are dropped ("Castro’s" → "castro"); numbers with thousands separators are
 * joined ("100,000" → "100000"); dotted acronyms are joined ("U.S." → "us"); hyphenated words are
 * split ("war-time" → "war", "time"); an apostrophe inside a word joins it ("don't" → "dont").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const s = new Scanner(text);
  let i = 0;
  while (i < text.length) {
    const c = s.cls(i);
    if (c !== LETTER && c !== DIGIT) {
      i += s.width(i);
      continue;
    }
    const { end, next } = scanWord(s, i);
    const term = fold(text.slice(i, end)).replace(NOT_WORD, '');
    if (term.length > 0) tokens.push({ term, start: i, end });
    i = next;
  }
  return tokens;
}

const NUMBER = /^\d+$/;

/** Stems shorter than this are another word more often than this one's. */
const MIN_STEM = 3;

/**
 * Porter stem of a folded word; numbers are returned unchanged, and so is a word the stemmer would
 * clip to fewer than three letters, which mostly makes it another word: "used" → "us" (the US),
 * "oas" → "oa", "one" → "on", "ties" → "ti", "added" → "ad".
 */
export function stem(term: string): string {
  if (NUMBER.test(term)) return term;
  const stemmed = stemmer(term);
  return stemmed.length < MIN_STEM && term.length >= MIN_STEM ? term : stemmed;
}

/**
 * Tokenizes, drops stop words and stems: the one analysis used for both documents and queries.
 * Positions count every word, stop words included.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalyzedToken[] {
  const { stopWords = true, stem: stemming = true } = options;
  const out: AnalyzedToken[] = [];
  tokenize(text).forEach((token, position) => {
    if (stopWords && STOP_WORDS.has(token.term)) return;
    const term = stemming ? stem(token.term) : token.term;
    out.push({ term, surface: token.term, start: token.start, end: token.end, position });
  });
  return out;
}

/** Just the index terms of `analyze(text)`, in order. */
export function analyzeTerms(text: string): string[] {
  return analyze(text).map((token) => token.term);
}
