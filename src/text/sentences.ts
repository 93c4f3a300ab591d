/**
 * Sentence boundaries, abbreviation-aware. The Unicode segmentation rules (UAX #29, through ICU's
 * Intl.Segmenter, built into Node) do the splitting: they keep closing quotes and brackets with their
 * sentence and never split inside numbers. ICU breaks after every abbreviation, though ("Dr. | Castro",
 * "U.S. | Government", "James B. | Donovan"), so breaks after a known abbreviation or an initial are
 * undone here.
 */

/** Abbreviations after which a period does not end the sentence (folded to lower case, no final dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'hon', 'sen', 'rep', 'gov', 'pres',
  'amb', 'adm', 'maj', 'cmdr', 'messrs', 'mt', 'ft', 'no', 'nos', 'vol', 'vols', 'p', 'pp', 'ch', 'fig', 'ed', 'eds', 'etc', 'vs',
  'cf', 'ca', 'approx', 'dept', 'est', 'inc', 'ltd', 'co', 'corp', 'univ', 'assn',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'u.s', 'u.k', 'u.n', 'u.s.s.r', 'd.c', 'a.m', 'p.m', 'e.g', 'i.e', 'h.w', 'b.c', 'a.d', 'n.d',
]);

/** A final word that is one or more initials: "F.", "H.W.", "W.". */
const INITIALS = /(?:^|[\s(“"‘'])(?:[A-Z]\.){1,3}$/;
/** The last word of a segment, with its trailing period. */
const LAST_WORD = /([\p{L}.]+)\.$/u;

const CAPITAL = /\p{Lu}/u;

/** Made on first use: building it costs some 7 ms, which a start from the saved index never needs. */
let segmenter: Intl.Segmenter | undefined;

/** True when a segment ending this way does not end a sentence. */
function endsWithAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  if (INITIALS.test(trimmed)) return true;
  const word = LAST_WORD.exec(trimmed)?.[1];
  return word !== undefined && ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''));
}

/**
 * Splits `text` into sentences and returns their [start, end) offsets, trailing whitespace excluded,
 * so that `text.slice(start, end)` is each sentence verbatim.
 */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let pendingStart = -1;
  for (const { segment, index } of (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })).segment(text)) {
    if (pendingStart < 0) pendingStart = index;
    const end = index + segment.trimEnd().length;
    const atEnd = index + segment.length >= text.length;
    // Merge across an abbreviation, unless the text ends or a new line starts there, and across a break neither a
    // space nor a capital follows, which ends no sentence (ICU breaks after every "!" and "?": "<!| channel>",
    // "Yahoo!|’s"; a capital is a space left out: "April 11, 2015.”|The culmination…").
    if (!atEnd && ((endsWithAbbreviation(segment) && !segment.includes('\n')) || (end === index + segment.length && !CAPITAL.test(text[end]!)))) continue;
    if (end > pendingStart && /[\p{L}\p{N}]/u.test(text.slice(pendingStart, end))) ranges.push([pendingStart, end]);
    else if (ranges.length && end > pendingStart) ranges[ranges.length - 1]![1] = end;
    pendingStart = -1;
  }
  if (pendingStart >= 0) {
    const end = pendingStart + text.slice(pendingStart).trimEnd().length;
    if (end > pendingStart) ranges.push([pendingStart, end]);
  }
  return ranges.map(([s, e]) => [s + (text.slice(s, e).length - text.slice(s, e).trimStart().length), e]);
}

/** The sentences of `text`, verbatim. */
export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map(([s, e]) => text.slice(s, e));
}
