import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** The word list's bytes, and where each of its words starts and ends, in the order of the words. */
interface WordList {
  bytes: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

let list: WordList | undefined;

const NEWLINE = 10;
const RETURN = 13;

/**
 * The English word list (sindresorhus/word-list, 274k lower-case ASCII words with their inflections,
 * one a line, in order but for a few: "manlihood" stands three lines late), loaded on first use and
 * kept as its bytes, its lines put in order by an insertion sort (one pass over a list in order but a
 * few), for a binary search. Split into a Set of strings it took ~0.22 s, which a question's first
 * unknown word waited for; read so, ~0.05 s.
 */
function wordList(): WordList {
  if (list) return list;
  const bytes = readFileSync(wordListPath);
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) lines++;
  const starts = new Uint32Array(lines + 1);
  const ends = new Uint32Array(lines + 1);
  let count = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = start;
    while (end < bytes.length && bytes[end] !== NEWLINE) end++;
    const last = end > start && bytes[end - 1] === RETURN ? end - 1 : end;
    if (last > start) {
      starts[count] = start;
      ends[count++] = last;
    }
    start = end + 1;
  }
  const words: WordList = { bytes, starts: starts.subarray(0, count), ends: ends.subarray(0, count) };
  for (let i = 1; i < count; i++) {
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    let j = i;
    for (; j > 0 && compareLines(words, j - 1, start, end) > 0; j--) {
      words.starts[j] = words.starts[j - 1]!;
      words.ends[j] = words.ends[j - 1]!;
    }
    words.starts[j] = start;
    words.ends[j] = end;
  }
  return (list = words);
}

/** The order of the list's i-th word against the word at [start, end) of its bytes. */
function compareLines({ bytes, starts, ends }: WordList, i: number, start: number, end: number): number {
  const a = starts[i]!;
  const aEnd = ends[i]!;
  for (let k = 0; a + k < aEnd && start + k < end; k++) {
    const d = bytes[a + k]! - bytes[start + k]!;
    if (d !== 0) return d;
  }
  return aEnd - a - (end - start);
}

/** The order of the list's i-th word against `word`, by character codes (the list's words are ASCII). */
function compareWord({ bytes, starts, ends }: WordList, i: number, word: string): number {
  const a = starts[i]!;
  const aEnd = ends[i]!;
  for (let k = 0; a + k < aEnd && k < word.length; k++) {
    const d = bytes[a + k]! - word.charCodeAt(k);
    if (d !== 0) return d;
  }
  return aEnd - a - word.length;
}

/** True when `word` (lower case) is in the English word list (a binary search of its words). */
export function isDictionaryWord(word: string): boolean {
  if (!word) return false;
  const words = wordList();
  let lo = 0;
  let hi = words.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareWord(words, mid, word) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.starts.length && compareWord(words, lo, word) === 0;
}
