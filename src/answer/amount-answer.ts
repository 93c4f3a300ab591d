/**
 * The amount answering a "how many" or the sum of money answering a "how much" in a quoted sentence
 * (`amountAnswer`), from the sentence's amounts and counts (`AMOUNT`).
 */
import type { QuestionPeriod } from '../retrieval/types.js';
import { cachedStem } from '../retrieval/analysis.js';
import { sentenceDates, type AmountCandidate, type SentenceAnalysis, type SentenceDate } from './passage-analysis.js';
import { CURRENCY_AFTER, NOT_A_COUNT_AROUND, NUMBER_WORDS, OLD_AFTER, REFERENCE_BEFORE } from './sentence-evidence.js';
import { trimmed, wordsOf, wordsToAsked } from './span-words.js';

/**
 * Amounts and counts: "$2.9 million", "1,200", "80,000", "15 years", "several dozen", "Seventeen days",
 * and thousands written with a space after the comma ("2, 746"), which is one number.
 */
const AMOUNT = new RegExp(
  `(?:\\$\\s?)?\\b(?:\\d{1,3}(?:,\\s\\d{3})+(?![\\d,])|\\d[\\d,.]*)(?:\\s?(?:million|billion|thousand|hundred|percent|%))?|\\b(?:${NUMBER_WORDS})(?:[\\s-]+(?:${NUMBER_WORDS}|days?|years?))*\\b`,
  'giu',
);
/** A year alone ("1962", "1970s"): a date, never an amount. */
const YEAR_ONLY = /^(1[89]\d\d|20\d\d)s?$/;
/** Matches where a number is a day of a month or a time of day ("April 18", "6:45 p.m."), read at the number's place. */
const DAY_OR_TIME_AT = new RegExp(`(?!${NOT_A_COUNT_AROUND})`, 'y');

/** The farthest the question's words count from an amount a date qualifies: past it, every amount is as far. */
const ASKED_REACH = 20;

/**
 * Words of distance a share ("0.4%") or a time ("two and a half years") is put behind a count of
 * things for a "how many" that asks no time: it says what part, or how long, not how many.
 */
const SHARE_COST = 10;

/** Words of distance an amount not stated at the rate a question asks is put behind one that is: more than any nearness. */
const RATE_COST = 100;

/** A time a count is of, as the analyzed term of its unit ("years" → "year"), from the number's words or the word after them. */
const TIME_UNITS = '(day|week|month|year|hour|decade)s?';
const TIME_UNIT_IN = new RegExp(`(?:^|[\\s-])${TIME_UNITS}$`, 'i');
const TIME_UNIT_AFTER = new RegExp(`^(?:\\s+and\\s+a\\s+half)?\\s+${TIME_UNITS}\\b`, 'i');
function timeUnitOf(word: string, after: string): { unit: string; length: number } | null {
  const inWord = TIME_UNIT_IN.exec(word);
  const found = inWord ?? TIME_UNIT_AFTER.exec(after);
  return found ? { unit: cachedStem(found[1]!.toLowerCase()), length: inWord ? 0 : found[0].length } : null;
}

/**
 * A rate after an amount, its unit the group's first word: "20,000 people per year", "$1 million a
 * month", "each day", "annually" (a few words of what it counts between, no clause break); not "a
 * year later" nor "a year ago", which date the amount.
 */
const RATE_AFTER = /^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:(?:per|a|an|each|every)\s+(day|week|month|year|decade)\b(?!\s+(?:later|earlier|ago|after|before)\b)|((?:annual|year|month|week|dai)ly)\b)/iu;
/** A rate's adverb, as analyzed, and its unit's term: in a sentence, "annually" is a rate per year; in a question, it asks one. */
const RATE_ADVERBS: Readonly<Record<string, string>> = { annual: 'year', yearli: 'year', monthli: 'month', weekli: 'week', daili: 'dai' };
/** The analyzed unit of the rate the amount is stated at ("per year" → "year"), or null. */
function rateUnitOf(after: string): string | null {
  const rate = RATE_AFTER.exec(after);
  if (!rate) return null;
  return rate[1] ? cachedStem(rate[1].toLowerCase()) : (RATE_ADVERBS[cachedStem(rate[2]!.toLowerCase())] ?? null);
}
/** The units of the rates the question's terms may ask: each term, and the unit of a rate's adverb ("annually" asks one per "year"). */
function rateUnitsAsked(asked: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...asked].map((term) => RATE_ADVERBS[term] ?? term));
}

/**
 * The amount answering a "how many" / "how much" in the sentence: the one nearest a date of the
 * question's period, in its clause, when the sentence states one ("in 1960 this had grown to
 * 7,027,000" for the population in 1960; the question's words break near ties), else nearest the
 * question's words ("two countries … 2, 746 excludables" answers "how many excludables" by 2, 746);
 * a count never answers "how much did they pay", and between equals a sum of money answers "how
 * much" before a count; a count answers "how many" before a share or a time it does not ask
 * ("100,000 people have migrated" before "this 0.4% of Cuba's population" and "the past two and a
 * half years"); only a time answers "how long" ("Seventeen days later", "15 years in prison"). A
 * `count` (a "how many" of things, not of money) is a quantity no sum of money answers ("how many
 * signatures…": not "$2.9 million"), while "how big was the trade deal" is answered by "$100 million".
 */
export function amountAnswer(
  sentence: SentenceAnalysis,
  type: 'money' | 'quantity' | 'count' | 'duration',
  asked: ReadonlySet<string>,
  period: QuestionPeriod | null,
  dates: readonly SentenceDate[] | undefined,
  any = false,
): { span: [number, number]; score: number } | null {
  let found: { span: [number, number]; score: number } | null = null;
  const dated = period && !any ? (dates ?? sentenceDates(sentence)).filter((d) => d.first <= period.last && period.first <= d.last) : [];
  const amounts = amountsOf(sentence);
  const asideOf = (a: AmountCandidate) => a.share || (a.timeUnit !== null && !asked.has(a.timeUnit));
  // A share or a time steps behind a count of things only: against a sum of money, the prison term answers.
  const counted = type !== 'money' && type !== 'duration' && !any && amounts.some((a) => !a.money && !asideOf(a) && !asked.has(a.word));
  // "How many immigrants a year": an amount stated at the rate asked ("20,000 people per year") answers before any
  // other, however near the period's date the others stand ("in late 1984 … would allow 2, 746 excludables").
  const rates = rateUnitsAsked(asked);
  const atRate = (a: AmountCandidate) => a.rateUnit !== null && rates.has(a.rateUnit);
  const rated = !any && amounts.some(atRate);
  for (const amount of amounts) {
    if (asked.has(amount.word) || (type === 'money' && !amount.money) || (type === 'count' && amount.money) || (type === 'duration' && !timeCounted(sentence.text, amount))) continue;
    if (any) return { span: [amount.start, amount.end], score: 0 };
    const toAsked = wordsToAsked(sentence, asked, amount.start, amount.end);
    // With a period, the amount its date qualifies, and of those the nearer the question's words ("the two countries …
    // in late 1984 … would allow 2, 746 excludables back into Cuba": the excludables, not the countries).
    const near = dated.length ? Math.min(...dated.map((d) => wordsBetween(sentence, amount, d) + (clauseBetween(sentence.text, amount, d) ? OTHER_CLAUSE : 0))) + Math.min(toAsked, ASKED_REACH) : toAsked;
    const aside = counted && asideOf(amount);
    const unrated = rated && !atRate(amount);
    const score = -(near - (amount.money ? 0.5 : 0) + (aside ? SHARE_COST : 0) + (unrated ? RATE_COST : 0));
    if (!found || score > found.score) found = { span: type === 'duration' ? amount.timeSpan : amount.span, score };
  }
  return found;
}

/** An age ("a five-year-old boy") counts years, but says how old, not how long. */
const AGE_AFTER = new RegExp(`^${OLD_AFTER}`);

/** True when the amount counts a time that is no age: what answers "how long". */
function timeCounted(text: string, amount: AmountCandidate): boolean {
  return amount.timeUnit !== null && !AGE_AFTER.test(text.slice(amount.timeSpan[1]));
}

/** The sentence's amounts, not a year, an ordinal or a date's digits (cached on the sentence). */
function amountsOf(sentence: SentenceAnalysis): readonly AmountCandidate[] {
  return (sentence.amounts ??= findAmounts(sentence));
}

function findAmounts(sentence: SentenceAnalysis): AmountCandidate[] {
  const text = sentence.text;
  const dates = sentenceDates(sentence);
  const amounts: AmountCandidate[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const word = m[0].trim().replace(/[,.]$/, '');
    const end = m.index + m[0].trimEnd().replace(/[,.]$/, '').length;
    if (!word || YEAR_ONLY.test(word) || /^(st|nd|rd|th)\b/.test(text.slice(end)) || dates.some((d) => m.index < d.end && d.start < end)) continue;
    // "Volume 11", "pp. 286": a reference's number counts nothing, nor does a day of a month or a time of day.
    if (/^\d/.test(word) && (REFERENCE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) || dayOrTimeAt(text, m.index))) continue;
    const currency = CURRENCY_AFTER.exec(text.slice(end));
    const time = timeUnitOf(word, text.slice(end));
    const span = trimmed(text, m.index, end + (currency?.[0].length ?? 0));
    const rateUnit = rateUnitOf(text.slice(end + (currency?.[0].length ?? 0)));
    amounts.push({ start: m.index, end, word: word.toLowerCase(), money: word.startsWith('$') || currency !== null, share: /(%|percent)$/i.test(word), timeUnit: time?.unit ?? null, rateUnit, span, timeSpan: time?.length ? trimmed(text, m.index, end + time.length) : span });
  }
  return amounts;
}

/** True when the number at `at` of the text is a day of a month or a time of day. */
function dayOrTimeAt(text: string, at: number): boolean {
  DAY_OR_TIME_AT.lastIndex = at;
  return DAY_OR_TIME_AT.test(text);
}

/** Words an amount counts as further from a date when a comma or semicolon stands between them: "in 1959 was 6,901,000; in 1960 … 7,027,000". */
const OTHER_CLAUSE = 10;

/** True when a comma, semicolon or colon stands between two spans of the text. */
function clauseBetween(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return /[,;:]/.test(a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start));
}

/** How many words lie between two spans of the sentence (0 when they overlap). */
function wordsBetween(sentence: SentenceAnalysis, a: { start: number; end: number }, b: { start: number; end: number }): number {
  const [aFirst, aLast] = wordsOf(sentence, a.start, a.end);
  const [bFirst, bLast] = wordsOf(sentence, b.start, b.end);
  return Math.max(0, bFirst - aLast, aFirst - bLast);
}

