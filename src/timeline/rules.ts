/**
 * Hand-written date rules for what chrono-node does not parse: month and year ("early April of 1963"),
 * seasons ("the fall of 1962"), parts of a year ("late 1984"), bare years and year ranges, months whose
 * year comes from the context ("in early November"), cable and numeric dates ("7-Nov-62", "11/18/63")
 * and days counted from an earlier day ("Seventeen days later").
 *
 * Every pattern is linear: alternations of fixed words and single optional groups, no nested
 * quantifiers, so a long hostile input cannot make them backtrack.
 */
import { MONTH_SOURCE, addDays, isPlausibleYear, isoDay, isoMonth, latestYear, monthNumber } from './calendar.js';
import type { DateContext, DateMention, Qualifier } from './types.js';

const M = MONTH_SOURCE;
/** A four-digit number standing alone: not part of a longer number, an id, a price or a decade. */
const YEAR_BEFORE = '(?<![\\w$£€.,:/\\-–—])';
const YEAR_AFTER = '(?![\\w]|[.,:/]\\d|\\s?[-–—]\\s?\\d)';
/** Words that put a month or a year in a part: "early", "the end of", "the first week of"… */
const PART =
  '[Ee]arly|[Mm]id(?:dle of)?|[Ll]ate|[Tt]he (?:end|beginning|start|middle|close) of|[Tt]he (?:first|last) (?:week|weeks|days) of|[Tt]he (?:first|second|latter) half of';

const MONTH_YEAR = new RegExp(`(?:\\b(${PART})[\\s-]+)?\\b(${M})\\b\\.?(?:\\s+of)?,?\\s+(\\d{4})${YEAR_AFTER}`, 'g');
const MONTH_CUED = new RegExp(`\\b(?:(${PART})[\\s-]+|(?:[Ii]n|[Bb]y|[Dd]uring|[Tt]hat)\\s+)(${M})\\b\\.?(?![.,]?\\s*\\d)`, 'g');
const MONTH_OF_THAT_YEAR = new RegExp(`\\b(${M})\\b\\.?\\s+of\\s+that\\s+year\\b`, 'g');
/** What stands between the dates of a list, as a pattern's source: "January, March, and April 1963". */
export const LIST_SEPARATOR = ',?\\s*(?:and\\s+|or\\s+|&\\s+)?';
const LIST_NEXT_MONTH = new RegExp(`${LIST_SEPARATOR}(${M})\\b\\.?`, 'y');
const SEASON = new RegExp(`\\b(?:[Tt]he\\s+)?([Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\\s+of)?,?\\s+(\\d{4})${YEAR_AFTER}`, 'g');
const PART_OF_YEAR = new RegExp(`\\b(${PART})[\\s-]+(?:of\\s+)?(\\d{4})${YEAR_AFTER}`, 'g');
const YEAR_RANGE = new RegExp(`${YEAR_BEFORE}(\\d{4})\\s?[-–—]\\s?(\\d{4}|\\d{2})(?![\\w]|[.,]\\d|[-–—]\\d)`, 'g');
const WORD_RANGE = new RegExp(`\\b(?:[Bb]etween\\s+(\\d{4})\\s+and|[Ff]rom\\s+(\\d{4})\\s+(?:to|until|till|through))\\s+(\\d{4})${YEAR_AFTER}`, 'g');
const BARE_YEAR = new RegExp(`${YEAR_BEFORE}(\\d{4})${YEAR_AFTER}`, 'g');
const CABLE_DATE = new RegExp(`(?<![\\w-])(\\d{1,2})-(${M})-(\\d{2})(?![\\w-])`, 'g');
const NUMERIC_DATE = /(?<![\w/.])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\w/]|\.\d)/g;
const NEXT_DAY = /\b(?:[Tt]he\s+)?(?:next|following)\s+day\b/g;
const DAYS_LATER = /\b(\d{1,2}|[A-Za-z]+)\s+(days?|weeks?)\s+(later|earlier)\b/g;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
};

/** Maps the words of `PART` to a qualifier. */
export function partQualifier(words: string | undefined): Qualifier | undefined {
  if (!words) return undefined;
  const w = words.toLowerCase();
  if (w.startsWith('early') || /beginning|start|first/.test(w)) return 'early';
  if (w.startsWith('mid') || w.includes('middle')) return 'mid';
  return 'late'; // late, the end of, the close of, the last week of, the second / latter half of
}

function seasonQualifier(word: string): Qualifier {
  const w = word.toLowerCase();
  return w === 'autumn' ? 'fall' : (w as Qualifier);
}

/** Two-digit years: the latest century that does not put the year in the future ("63" → 1963). */
export function expandTwoDigitYear(yy: number): number {
  const recent = 2000 + yy;
  return recent <= latestYear() ? recent : 1900 + yy;
}

type Found = Omit<DateMention, 'text'>;

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Months and years: "March 1963", "early April of 1963", "the first week of November 1962". */
export function monthYears(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(MONTH_YEAR, text)) {
    const year = Number(m[3]);
    const month = monthNumber(m[2]!);
    if (!month || !isPlausibleYear(year)) continue;
    const qualifier = partQualifier(m[1]);
    out.push({ iso: isoMonth(year, month), precision: 'month', ...(qualifier && { qualifier }), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Months whose year is the context's: "in early November", "May of that year". Without a context year
 * they get year 0, which the caller drops unless a list gives them one.
 */
export function contextMonths(text: string, context: DateContext): Found[] {
  const year = context.year ?? 0; // 0: no year yet; a list may still give one (see `listedMonths`)
  const out: Found[] = [];
  for (const m of matches(MONTH_CUED, text)) {
    const month = monthNumber(m[2]!);
    if (!month) continue;
    const qualifier = partQualifier(m[1]);
    const start = m[1] ? m.index : m.index + m[0].lastIndexOf(m[2]!);
    out.push({ iso: isoMonth(year, month), precision: 'month', ...(qualifier && { qualifier }), start, end: m.index + m[0].length, inferred: 'year' });
  }
  for (const m of matches(MONTH_OF_THAT_YEAR, text)) {
    const month = monthNumber(m[1]!);
    if (month) out.push({ iso: isoMonth(year, month), precision: 'month', start: m.index, end: m.index + m[0].length, inferred: 'year' });
  }
  return out;
}

/**
 * Months listed before a month with a year share its year: "in January, March, and April 1963".
 * Walks on from a month with an inferred year, adding each listed month, and gives the whole list the
 * year of the month that ends it. Returns the added months; updates the years of `head` in place.
 */
export function listedMonths(text: string, head: Found, explicit: readonly Found[]): Found[] {
  const chain: Found[] = [];
  let at = head.end;
  let year: string | undefined;
  for (;;) {
    LIST_NEXT_MONTH.lastIndex = at;
    const m = LIST_NEXT_MONTH.exec(text);
    if (!m) break;
    const monthStart = m.index + m[0].length - m[1]!.length - (m[0].endsWith('.') ? 1 : 0);
    const ending = explicit.find((e) => e.precision === 'month' && e.start === monthStart && !e.qualifier);
    if (ending) {
      year = ending.iso.slice(0, 4);
      break;
    }
    if (/^\s*\d/.test(text.slice(m.index + m[0].length))) break;
    const month = monthNumber(m[1]!)!;
    chain.push({ iso: isoMonth(Number(head.iso.slice(0, 4)), month), precision: 'month', start: monthStart, end: m.index + m[0].length, inferred: 'year' });
    at = m.index + m[0].length;
  }
  if (year) for (const f of [head, ...chain]) {
    f.iso = `${year}${f.iso.slice(4)}`;
    delete f.inferred;
  }
  return chain;
}

/** Seasons: "the fall of 1962", "spring 1963". */
export function seasons(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(SEASON, text)) {
    const year = Number(m[2]);
    if (isPlausibleYear(year)) out.push({ iso: String(year), precision: 'season', qualifier: seasonQualifier(m[1]!), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Parts of a year: "early 1962", "late 1984", "the end of 1979". */
export function partsOfYears(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(PART_OF_YEAR, text)) {
    const year = Number(m[2]);
    const qualifier = partQualifier(m[1]);
    if (isPlausibleYear(year) && qualifier) out.push({ iso: String(year), precision: 'year', qualifier, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Year ranges: "1992-2008", "1961-63", "between 1968 and 1972", "from 1962 to 1963". */
export function yearRanges(text: string): Found[] {
  const out: Found[] = [];
  const push = (first: number, last: number, start: number, end: number) => {
    if (isPlausibleYear(first) && isPlausibleYear(last) && last > first)
      out.push({ iso: String(first), precision: 'year', until: String(last), start, end });
  };
  for (const m of matches(YEAR_RANGE, text)) {
    const first = Number(m[1]);
    const last = m[2]!.length === 2 ? first - (first % 100) + Number(m[2]) : Number(m[2]);
    push(first, last, m.index, m.index + m[0].length);
  }
  for (const m of matches(WORD_RANGE, text)) push(Number(m[1] ?? m[2]), Number(m[3]), m.index, m.index + m[0].length);
  return out;
}

/** Bare years: "In 1973". */
export function bareYears(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(BARE_YEAR, text)) {
    const year = Number(m[1]);
    if (isPlausibleYear(year)) out.push({ iso: String(year), precision: 'year', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Table and numeric dates: "7-Nov-62", "11/18/63" (month first). */
export function compactDates(text: string): Found[] {
  const out: Found[] = [];
  const push = (year: number, month: number | undefined, day: number, start: number, end: number) => {
    const iso = month ? isoDay(year, month, day) : undefined;
    if (iso && isPlausibleYear(year)) out.push({ iso, precision: 'day', start, end });
  };
  for (const m of matches(CABLE_DATE, text))
    push(expandTwoDigitYear(Number(m[3])), monthNumber(m[2]!), Number(m[1]), m.index, m.index + m[0].length);
  for (const m of matches(NUMERIC_DATE, text)) {
    const y = m[3]!.length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
    push(y, Number(m[1]), Number(m[2]), m.index, m.index + m[0].length);
  }
  return out;
}

/** Days counted from the context's anchor day: "the next day", "Seventeen days later". */
export function relativeDays(text: string, context: DateContext): Found[] {
  const anchor = context.anchor;
  if (!anchor) return [];
  const out: Found[] = [];
  const push = (days: number, start: number, end: number) => {
    const iso = addDays(anchor, days);
    if (isPlausibleYear(Number(iso.slice(0, 4)))) out.push({ iso, precision: 'day', start, end, inferred: 'relative' });
  };
  for (const m of matches(NEXT_DAY, text)) push(1, m.index, m.index + m[0].length);
  for (const m of matches(DAYS_LATER, text)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
    if (n === undefined) continue;
    const days = n * (m[2]!.startsWith('week') ? 7 : 1) * (m[3] === 'earlier' ? -1 : 1);
    push(days, m.index, m.index + m[0].length);
  }
  return out;
}
