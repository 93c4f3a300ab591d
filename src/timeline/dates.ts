/**
 * Finds every date a sentence mentions, in all the forms the corpus uses: full dates ("November 5,
 * 1963", "Nov. 5, 1963", "January 22nd 1996"), dates whose year comes from the context ("by November
 * 7th", "May 10th of that year"), table and numeric dates ("7-Nov-62", "11/18/63"), months ("In March
 * 1963", "in early April of 1963"), seasons ("the fall of 1962"), parts of years ("late 1984"), bare
 * years and ranges ("In 1973", "between 1968 and 1972") and days counted from an earlier one.
 *
 * chrono-node parses month-and-day dates; the rules in `rules.ts` do the rest.
 */
import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';

const requireCjs = createRequire(import.meta.url);
let chronoEnglish: typeof ChronoEnglish | undefined;

/** chrono-node's English parsers, loaded on first use: only the timeline needs them, and /ask starts faster without. */
function chrono(): typeof ChronoEnglish {
  return (chronoEnglish ??= requireCjs('chrono-node/en') as typeof ChronoEnglish);
}
import { MONTH_SOURCE, isPlausibleYear, isoDay, monthNumber } from './calendar.js';
import {
  bareYears, compactDates, contextMonths, listedMonths, monthYears, partsOfYears, relativeDays, seasons, yearRanges,
} from './rules.js';
import type { DateContext, DateMention } from './types.js';

/** Inputs longer than this are cut: no sentence of a document is anywhere near it. */
export const MAX_SENTENCE_LENGTH = 5_000;

type Found = Omit<DateMention, 'text'>;

/** The date words of a chrono match: "April 18" in "at 6:45 p.m. April 18", "26th of July". */
const DAY_WORDS = new RegExp(
  `\\b${MONTH_SOURCE}\\b\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+\\d{4})?|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_SOURCE}\\b\\.?(?:,?\\s+\\d{4})?`,
);
const OF_THAT_YEAR = /^\s+of\s+that\s+year\b/;

/**
 * Month-and-day dates, through chrono-node. A date without a year takes the context's year (and is
 * dropped when there is none); a day written before the month without a year ("the 26th of July
 * Movement") is a name, not a date, and is dropped.
 */
function dayDates(text: string, context: DateContext): Found[] {
  const out: Found[] = [];
  // Every date kept below has its day words in the text: without them chrono-node is not even loaded
  // (a question such as "what happened in 1977" is read without it, and starts faster).
  if (!DAY_WORDS.test(text)) return out;
  const reference = new Date(Date.UTC(context.year ?? 2000, 6, 1));
  for (const result of chrono().strict.parse(text, reference)) {
    const { start } = result;
    if (!start.isCertain('month') || !start.isCertain('day')) continue;
    const words = DAY_WORDS.exec(result.text);
    if (!words) continue; // numeric forms are the rules' business
    const certainYear = start.isCertain('year');
    if (!certainYear && /^\d/.test(words[0])) continue;
    const year = certainYear ? start.get('year')! : context.year;
    if (year === undefined || !isPlausibleYear(year)) continue;
    const iso = isoDay(year, start.get('month')!, start.get('day')!);
    if (!iso) continue;
    const from = result.index + words.index;
    let end = from + words[0].length;
    if (!certainYear) {
      const tail = OF_THAT_YEAR.exec(text.slice(end, end + 40));
      if (tail) end += tail[0].length;
    }
    out.push({ iso, precision: 'day', start: from, end, ...(!certainYear && { inferred: 'year' as const }) });
  }
  return out;
}

const DAY_WORDS_ALL = new RegExp(DAY_WORDS.source, 'g');

/**
 * Spans that look like a month and day but name no real day ("February 30, 1962"), with the day's
 * number: no date is read from them, not even the year (and a question naming one is told so).
 */
export function impossibleDays(text: string): Array<{ start: number; end: number; day: number }> {
  const spans: Array<{ start: number; end: number; day: number }> = [];
  for (const m of text.matchAll(DAY_WORDS_ALL)) {
    const month = monthNumber(/\p{L}+/u.exec(m[0].replace(/^\d+(?:st|nd|rd|th)?\s+(?:of\s+)?/, ''))?.[0] ?? '');
    const day = Number(/\d{1,2}/.exec(m[0].replace(/,?\s+\d{4}$/, ''))?.[0]);
    const year = Number(/\d{4}$/.exec(m[0])?.[0] ?? 2000); // 2000: a leap year, so February 29 stands
    if (month && !isoDay(year, month, day)) spans.push({ start: m.index, end: m.index + m[0].length, day });
  }
  return spans;
}

/** Keeps the longest of overlapping mentions (the earlier rule on a tie), in text order. */
function resolveOverlaps(found: Found[]): Found[] {
  const ranked = found
    .map((f, order) => ({ f, order }))
    .sort((a, b) => b.f.end - b.f.start - (a.f.end - a.f.start) || a.order - b.order);
  const kept: Found[] = [];
  for (const { f } of ranked) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every date mentioned in `sentence`, in text order, none overlapping another.
 *
 * @param sentence the text to search; only its first `MAX_SENTENCE_LENGTH` characters are read.
 * @param context what the earlier text tells: `year`, the year in force for dates that name none (no
 *   default: without it such dates are skipped); `anchor`, the last day mentioned before, for "the
 *   next day" (no default: without it relative days are skipped).
 * @returns mentions with `iso`, `precision`, `qualifier`, `until`, `start`/`end` offsets, the matched
 *   `text` and `inferred` (how a missing part was filled in). Years outside 1800…this year are never
 *   returned.
 */
export function extractDates(sentence: string, context: DateContext = {}): DateMention[] {
  const text = sentence.length > MAX_SENTENCE_LENGTH ? sentence.slice(0, MAX_SENTENCE_LENGTH) : sentence;
  const explicit = resolveOverlaps([
    ...dayDates(text, context),
    ...compactDates(text),
    ...monthYears(text),
    ...seasons(text),
    ...partsOfYears(text),
    ...yearRanges(text),
  ]);
  const cued = contextMonths(text, context).filter((c) => !explicit.some((e) => c.start < e.end && e.start < c.end));
  const listed = cued.flatMap((head) => (head.inferred ? listedMonths(text, head, explicit) : []));
  const found = resolveOverlaps([...explicit, ...cued, ...listed, ...relativeDays(text, context), ...bareYears(text)]);
  const impossible = impossibleDays(text);
  return found
    .filter((f) => isPlausibleYear(Number(f.iso.slice(0, 4))))
    .filter((f) => !impossible.some((x) => f.start < x.end && x.start < f.end))
    .map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
}
