import type { AnalyzedToken } from '../retrieval/analysis.js';
import { analyzeFast } from '../retrieval/analysis.js';
import { SURE_TYPO, typoCreditOf } from './evidence.js';

/**
 * Offsets of the words of `text` whose analyzed term is one of `terms`, or a near spelling of one of
 * `typos` (query terms the corpus does not know), neighbours merged.
 */
export function markTerms(text: string, terms: ReadonlySet<string>, typos: readonly string[] = []): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  markTokens(marks, text, analyzeFast(text), 0, terms, typos.map((t) => typoCreditOf(t)));
  return marks;
}

/** Adds to `marks` the marks of already analyzed tokens of `text`, whose offsets are `shift` before theirs in it. */
export function markTokens(
  marks: Array<[number, number]>,
  text: string,
  tokens: readonly AnalyzedToken[],
  shift: number,
  terms: ReadonlySet<string>,
  typos: ReadonlyArray<(terms: Iterable<string>) => number>,
): void {
  for (const token of tokens) {
    if (!terms.has(token.term) && !(typos.length && nearSpelling(typos, token.term))) continue;
    const start = token.start + shift;
    const wordEnd = token.end + shift;
    // "the U.K. Foreign Office": initials are marked with their last period, which the word's analysis leaves out.
    const end = text[wordEnd] === '.' && INITIALS.test(text.slice(start, wordEnd)) ? wordEnd + 1 : wordEnd;
    const last = marks[marks.length - 1];
    if (last && onlySpaceBetween(text, last[1], start)) last[1] = end;
    else marks.push([start, end]);
  }
}

/**
 * True when `word` is surely a misspelling of one of the typed terms of `typos` (see `typoCreditOf`,
 * `SURE_TYPO`): a short word an edit away may be credited a little in ranking, but marked it says the
 * quote holds what was asked ("still" for "stall").
 */
function nearSpelling(typos: ReadonlyArray<(terms: Iterable<string>) => number>, word: string): boolean {
  const words = [word];
  for (const credit of typos) if (credit(words) >= SURE_TYPO) return true;
  return false;
}

const SPACE = /\s/;
/** Letters each followed by a period but the last: "U.K", "U.S", "D.C" (the word as analyzed, before its last period). */
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;

/** True when `text[from, to)` is not empty and all white space. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!SPACE.test(text[i]!)) return false;
  return true;
}
