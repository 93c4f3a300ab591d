/**
 * A fast path to `analyze()` for indexing and quote extraction: the same tokens, positions and terms,
 * in a fraction of the time.
 *
 * Text is cut at ASCII whitespace into chunks (no token ever spans whitespace, and the analyzer's
 * lookahead past a chunk's end only ever sees a non-word character). A chunk of pure ASCII is
 * scanned here with a byte-level port of the analyzer's rules (letters, digits, apostrophes,
 * possessives, dotted acronyms, thousands separators); any other chunk goes through the reference
 * `tokenize()`. Stems are memoized. Tests compare both paths on random and real text.
 */
import { stem, tokenize, type AnalyzedToken } from './analyzer.js';
import { STOP_WORDS } from './stopwords.js';

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const APOSTROPHE = 4;

/** Classes of the ASCII code points. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? DIGIT : c === 39 ? APOSTROPHE : OTHER;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Memoized Porter stems; cleared when it grows past `STEM_CACHE_MAX` entries. */
const stems = new Map<string, string>();
const STEM_CACHE_MAX = 400_000;

/** `stem()` of the analyzer, memoized. */
export function cachedStem(term: string): string {
  let s = stems.get(term);
  if (s === undefined) {
    s = stem(term);
    if (stems.size >= STEM_CACHE_MAX) stems.clear();
    stems.set(term, s);
  }
  return s;
}

/** Receives each token: folded surface, offsets in the text, position among all words. */
type Sink = (surface: string, start: number, end: number, position: number) => void;

/**
 * Scans `text` like `tokenize()` and calls `sink` for every token, stop words included. Returns the
 * number of tokens.
 */
export function scanTokens(text: string, sink: Sink): number {
  let position = 0;
  const n = text.length;
  let a = 0;
  while (a < n) {
    while (a < n && isSpace(text.charCodeAt(a))) a++;
    if (a >= n) break;
    let b = a;
    let ascii = true;
    while (b < n) {
      const c = text.charCodeAt(b);
      if (isSpace(c)) break;
      if (c >= 128) ascii = false;
      b++;
    }
    if (ascii) position = scanAscii(text, a, b, position, sink);
    else {
      for (const token of tokenize(text.slice(a, b))) sink(token.term, token.start + a, token.end + a, position++);
    }
    a = b;
  }
  return position;
}

/** The analyzer's scanner on an all-ASCII chunk [a, b). */
function scanAscii(text: string, a: number, b: number, position: number, sink: Sink): number {
  const cls = (i: number) => (i < b ? ASCII_CLASS[text.charCodeAt(i)]! : OTHER);
  const isWord = (i: number) => i < b && ASCII_CLASS[text.charCodeAt(i)]! - 1 < 2 && ASCII_CLASS[text.charCodeAt(i)]! > 0;
  const run = (i: number) => {
    while (i < b) {
      const c = ASCII_CLASS[text.charCodeAt(i)]!;
      if (c !== LETTER && c !== DIGIT) break;
      i++;
    }
    return i;
  };
  let i = a;
  while (i < b) {
    const c = cls(i);
    if (c !== LETTER && c !== DIGIT) {
      i++;
      continue;
    }
    let end = -1;
    let next = -1;
    // Dotted acronym: single letters each followed by a dot, at least two.
    let k = i;
    let letters = 0;
    let lastEnd = -1;
    while (cls(k) === LETTER) {
      const after = k + 1;
      if (isWord(after)) break;
      letters++;
      lastEnd = after;
      if (after >= b || text.charCodeAt(after) !== 46) break;
      k = after + 1;
    }
    if (letters >= 2) {
      end = lastEnd;
      next = lastEnd;
    } else {
      let j = run(i);
      const firstEnd = j;
      let grouped = false;
      for (;;) {
        if (cls(j) === APOSTROPHE && cls(j + 1) === LETTER) {
          const s = text.charCodeAt(j + 1);
          if ((s === 115 || s === 83) && !isWord(j + 2)) {
            end = j;
            next = j + 2;
            break;
          }
          j = run(j + 1);
          continue;
        }
        if (
          (grouped || (j === firstEnd && firstEnd - i >= 1 && firstEnd - i <= 3 && allDigits(text, i, firstEnd))) &&
          j < b && text.charCodeAt(j) === 44 && cls(j + 1) === DIGIT && cls(j + 2) === DIGIT && cls(j + 3) === DIGIT && !isWord(j + 4)
        ) {
          grouped = true;
          j += 4;
          continue;
        }
        end = j;
        next = j;
        break;
      }
    }
    let surface = '';
    let plain = true;
    for (let q = i; q < end; q++) {
      const code = text.charCodeAt(q);
      if (code >= 65 && code <= 90) {
        plain = false;
        break;
      }
      if (ASCII_CLASS[code] !== LETTER && ASCII_CLASS[code] !== DIGIT) {
        plain = false;
        break;
      }
    }
    if (plain) surface = text.slice(i, end);
    else {
      for (let q = i; q < end; q++) {
        const code = text.charCodeAt(q);
        if (code >= 65 && code <= 90) surface += String.fromCharCode(code + 32);
        else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) surface += text[q];
      }
    }
    if (surface.length > 0) sink(surface, i, end, position++);
    i = next;
  }
  return position;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Exactly `analyze(text)` (stop words dropped, terms stemmed). */
export function analyzeFast(text: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  scanTokens(text, (surface, start, end, position) => {
    if (STOP_WORDS.has(surface)) return;
    out.push({ term: cachedStem(surface), surface, start, end, position });
  });
  return out;
}

/** The terms of `analyze(text)`, in order, and their positions, without token objects. */
export function analyzeTermsFast(text: string, positions?: number[]): string[] {
  const terms: string[] = [];
  scanTokens(text, (surface, _start, _end, position) => {
    if (STOP_WORDS.has(surface)) return;
    terms.push(cachedStem(surface));
    positions?.push(position);
  });
  return terms;
}

/**
 * The term ids of `analyze(text)`, through `ids` (folded surface → term id, or -1 for a stop word,
 * filled as it goes, so a repeated word is neither stemmed nor interned again); positions pushed to `positions` when given.
 */
export function analyzeIdsFast(text: string, ids: Map<string, number>, intern: (term: string) => number, positions?: number[]): number[] {
  const out: number[] = [];
  scanTokens(text, (surface, _start, _end, position) => {
    // One lookup per token: stop words sit in `ids` too, as -1.
    let id = ids.get(surface);
    if (id === undefined) {
      id = STOP_WORDS.has(surface) ? -1 : intern(cachedStem(surface));
      ids.set(surface, id);
    }
    if (id < 0) return;
    out.push(id);
    positions?.push(position);
  });
  return out;
}
