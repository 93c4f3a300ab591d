/**
 * Cutting text to fit a limit, preferring the end of a sentence, then the end of a word, and only then
 * a character boundary (never inside a surrogate pair). The caller decides what "fits" means, so the
 * measure can be the length after escaping and formatting rather than of the raw text.
 */
import type { Run } from '../../src/reply/model.js';

/** Marks where a quote was cut: the conventional sign for an omission in a quotation. */
export const ELLIPSIS = ' […]';

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'gov', 'sen', 'rep', 'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.n', 'u.s.s.r']);

/** Offsets just past each sentence end (terminal punctuation plus any closing quote or bracket). */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const pattern = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const before = text.slice(0, match.index);
    const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? '';
    const isPeriod = match[0].startsWith('.') && !match[0].startsWith('..');
    const numberSign = /^no$/i.test(word) && /^\s+\d/.test(text.slice(match.index + match[0].length)); // "No. 232"
    if (isPeriod && (/^[A-Z]$/.test(word) || ABBREVIATIONS.has(word.toLowerCase()) || numberSign)) continue;
    ends.push(match.index + match[0].length);
  }
  return ends;
}

/** Offsets of word ends: just before each run of whitespace. */
function wordEnds(text: string): number[] {
  const ends: number[] = [];
  const pattern = /\S(?=\s)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) ends.push(match.index + 1);
  return ends;
}

/** Offsets between code points. */
function charEnds(text: string): number[] {
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    offset += char.length;
    ends.push(offset);
  }
  return ends;
}

/** The largest candidate (ascending list) that fits, assuming longer prefixes never fit better. */
function largestFitting(candidates: number[], fits: (end: number) => boolean): number | undefined {
  let lo = 0;
  let hi = candidates.length - 1;
  let best: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const end = candidates[mid] as number;
    if (fits(end)) {
      best = end;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The longest prefix length of `text` that fits: the whole text, else the last sentence end that
 * fits, else the last word end, else the last character boundary, else 0. `fits(end)` is asked about
 * `text.slice(0, end)` (with whatever marks the cut the caller adds when `end < text.length`).
 */
export function fitPrefix(text: string, fits: (end: number) => boolean): number {
  if (fits(text.length)) return text.length;
  const inside = (ends: number[]) => ends.filter((end) => end > 0 && end < text.length);
  return (
    largestFitting(inside(sentenceEnds(text)), fits) ??
    largestFitting(inside(wordEnds(text)), fits) ??
    largestFitting(inside(charEnds(text)), fits) ??
    0
  );
}

/** Plain text cut to at most `max` characters (ellipsis included) at a sentence, word or character. */
export function truncateText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const end = fitPrefix(text, (n) => n === text.length ? n <= max : n + ellipsis.length <= max);
  return end === 0 ? ellipsis.slice(0, max) : `${text.slice(0, end).trimEnd()}${ellipsis}`;
}

/** The runs covering the first `end` characters of their joined text. */
export function sliceRuns(runs: readonly Run[], end: number): Run[] {
  const out: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    if (offset >= end) break;
    const take = Math.min(run.text.length, end - offset);
    out.push(take === run.text.length ? run : { ...run, text: run.text.slice(0, take) });
    offset += run.text.length;
  }
  return out;
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}
