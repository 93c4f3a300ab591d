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
    for (; j > 0 && compareBytes(bytes, words.starts[j - 1]!, words.ends[j - 1]!, bytes, start, end) > 0; j--) {
      words.starts[j] = words.starts[j - 1]!;
      words.ends[j] = words.ends[j - 1]!;
    }
    words.starts[j] = start;
    words.ends[j] = end;
  }
  return (list = words);
}

/** The order of the bytes at [aStart, aEnd) of `a` against those at [bStart, bEnd) of `b`: a word of the list against another, or against a word looked up. */
function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  for (let k = 0; aStart + k < aEnd && bStart + k < bEnd; k++) {
    const d = a[aStart + k]! - b[bStart + k]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/** Scratch of `encode`: lookups come by the hundred thousand while a corpus is read, and a buffer or a view each cost a third of their time. */
let scratch = new Uint8Array(64);

/** Writes the word's UTF-8 bytes into `scratch` (valid until the next call); returns how many. */
function encode(word: string): number {
  if (scratch.length < word.length) scratch = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 0x7f) {
      const bytes = Buffer.from(word);
      if (scratch.length < bytes.length) scratch = new Uint8Array(bytes.length);
      scratch.set(bytes);
      return bytes.length;
    }
    scratch[i] = code;
  }
  return word.length;
}

/** True when `word` (lower case) is in the English word list (a binary search of its words, by their UTF-8 bytes). */
export function isDictionaryWord(word: string): boolean {
  if (!word) return false;
  const { bytes, starts, ends } = wordList();
  const length = encode(word);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBytes(bytes, starts[mid]!, ends[mid]!, scratch, 0, length) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && compareBytes(bytes, starts[lo]!, ends[lo]!, scratch, 0, length) === 0;
}
