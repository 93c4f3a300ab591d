/**
 * Words that carry a sentence's fact, for telling whether two sentences tell the same event and for
 * the topic filter. Dates, numbers, cable ids and common words carry no fact here.
 */
import { stemmer } from 'stemmer';
import { fold } from '../text/fold.js';

/** A word of a text: folded ("Raúl" → "raul") with its offsets in the original. */
export interface Word {
  term: string;
  start: number;
  end: number;
}

/** Runs of letters and digits; one linear scan. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text`, folded, with their offsets. */
export function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ term: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** Common words that say nothing about what happened. */
const COMMON = new Set(
  `about above after again against all also and any are because been before being below between both but can could did
  does doing down during each few for from further had has have having her here hers herself him himself his how into
  its itself just more most must not now off once only other our ours out over own same she should some such than that
  the their theirs them themselves then there these they this those through too under until very was were what when
  where which while who whom whose why will with would you your yours`.split(/\s+/),
);

/** Words of dates: month names and abbreviations, parts of periods, units. */
const DATE_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'early', 'mid', 'middle', 'late', 'end', 'beginning', 'spring', 'summer', 'fall', 'autumn', 'winter',
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'later', 'earlier', 'next', 'following',
]);

/** True for a word that says nothing about what happened: a short or common word, a date word, a number, an id. */
function isNoise(term: string): boolean {
  return term.length < 3 || COMMON.has(term) || DATE_WORDS.has(term) || /\d/.test(term);
}

/** The stemmed fact words of `text`, in order, duplicates kept. */
export function factTerms(text: string): string[] {
  return words(text)
    .map((w) => w.term)
    .filter((term) => !isNoise(term))
    .map((term) => stemmer(term));
}

/** The fact words of `text` outside the given [start, end) spans (the dates it mentions). */
export function factTermsOutside(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string[] {
  return words(text)
    .filter((w) => !spans.some((s) => w.start < s.end && s.start < w.end))
    .map((w) => w.term)
    .filter((term) => !isNoise(term));
}

/** Stemmed words of a topic, common words left out ("the Attwood initiative" → attwood, initi). */
export function topicTerms(topic: string): string[] {
  return [...new Set(words(topic).map((w) => w.term).filter((term) => !COMMON.has(term) && term.length > 1).map((term) => stemmer(term)))];
}

/** Offsets of the words of `text` whose stems are among `terms` (for marking them in a quote). */
export function termSpans(text: string, terms: readonly string[]): Word[] {
  if (terms.length === 0) return [];
  const wanted = new Set(terms);
  return words(text).filter((w) => wanted.has(stemmer(w.term)));
}

/** The set of stems of every word of `text`, for topic matching. */
export function stemSet(text: string): Set<string> {
  return new Set(words(text).map((w) => stemmer(w.term)));
}
