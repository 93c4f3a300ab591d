/**
 * The period a question asks about ("in 1977", "1962-63", "November 1963", "in the seventies"), read
 * with the timeline's own date code: `extractDates` for dates as sentences write them, and the
 * `/timeline` period parser for decades and ranges, so a question and a document agree on what a date
 * means.
 */
import { BackchannelError } from '../errors.js';
import { dateBounds, EARLIEST_YEAR, latestYear, MONTH_NAMES, MONTH_SOURCE, monthNumber } from '../timeline/calendar.js';
import { extractDates, impossibleDays } from '../timeline/dates.js';
import { parseTimelineRequest, type Granularity } from '../timeline/period.js';
import { patternWords } from './pattern-words.js';

/** A period asked about. */
export interface QuestionPeriod {
  /** First day, `YYYY-MM-DD`. */
  first: string;
  /** Last day, `YYYY-MM-DD`. */
  last: string;
  /** How finely it is given: a year (or season, decade, range of years), a month or a day. */
  granularity: Granularity;
  /** The question's words for it ("the seventies", "between 1968 and 1972"). */
  text: string;
}

/** What `questionPeriod` read. */
export interface PeriodReading {
  period: QuestionPeriod | null;
  /** [start, end) offsets in the question of the words that state the period: not content words. */
  spans: Array<[number, number]>;
  /** Set when the question names a period that cannot be (a range that runs backwards, a year outside the calendar): what to tell the user. */
  problem?: string;
  /**
   * True when every date of the period is written as a noun's modifier ("the November 1963 Oval Office
   * recording", "his April 1961 message"): it names a thing by its date, and what is asked of the thing
   * may have happened at another time. When the question asks the year of that thing and the date is
   * within one year, `period` is then null: "In what year did the November 1963 recording become
   * public?" asks another time, and a passage need not date anything in November 1963.
   */
  attributive?: boolean;
}

/** A question asking for a year ("in what year…", "which year…"). */
const ASKS_A_YEAR = /\b(?:what|which)\s+year\b/i;

/** Before a date that modifies a noun: a determiner or a possessive ("the 1984 deal", "Kennedy's April 1961 letter"). */
const DETERMINER_BEFORE = /(?:\b(?:the|a|an|his|her|their|its|our|this|that)|\p{L}['’]s)\s+$/iu;
/** After such a date: the noun's words, not a preposition, a conjunction or a verb ("the 1962 and 1963 talks" is two dates). */
const NOUN_AFTER = /^\s+(?!(?:and|or|to|through|until|till|when|while|before|after|in|on|at|of|by|for|with|from|as|is|was|were|did|do|does|had|has)\b)\p{L}/iu;

/** Whether the words at [start, end) of the question modify the noun after them (see `PeriodReading.attributive`). */
function modifiesNoun(question: string, start: number, end: number): boolean {
  return DETERMINER_BEFORE.test(question.slice(Math.max(0, start - 24), start)) && NOUN_AFTER.test(question.slice(end, end + 24));
}

const DECADE_WORDS: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };
/** "the 1970s", "the '70s", "the 70s", "the seventies", "the early sixties", "mid-eighties". */
const DECADE = /\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(?:(1[89]|20)(\d)0'?s|'(\d)0s|(\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi;
/** The years of a decade an early / mid / late part of it covers (0–9). */
const DECADE_PARTS: Record<string, [number, number]> = { early: [0, 3], mid: [3, 7], late: [6, 9] };
/**
 * Two years joined as a range, read here so that one running backwards is told as such: "from 1980
 * to 1970", "1980-1970", "between 1980 and 1970" (which the date rules would read as two years).
 */
const YEAR_TO_YEAR = /\b(\d{4})\s*(?:-|–|—|to|through|until|till)\s*(\d{4})\b|\bbetween\s+(\d{4})\s+and\s+(\d{4})\b/i;
const FOUR_DIGITS = /\b\d{4}\b/g;
/**
 * A year typed with two digits, as students do: "'62", "in 74" (not before a noun it counts: "in 74
 * days"), "october 62" (above 31, else a day).
 */
const TWO_DIGIT_YEAR = new RegExp(
  `(?:'|\\b(?:in|during|since|by|from|around|circa|until|till|before|after|of)\\s+'?)(\\d\\d)\\b(?!'?s\\b|\\s*(?:[%$]|[a-z]+s\\b|st\\b|nd\\b|rd\\b|th\\b|percent|people|men|million|thousand|hundred))|\\b(${MONTH_SOURCE})\\.?\\s+'?(\\d\\d)\\b(?!\\s*(?:st|nd|rd|th)\\b|,?\\s*\\d{4})`,
  'gi',
);

/** The words of five letters or more that periods are written with ("eighties", "between", "november"), as `QUESTION_WORDS`. */
export const PERIOD_WORDS: ReadonlySet<string> = patternWords([DECADE.source, YEAR_TO_YEAR.source, TWO_DIGIT_YEAR.source.replace(MONTH_SOURCE, ''), ...MONTH_NAMES]);

/** The period a question asks about, if any, and where its words stand. */
export function questionPeriod(question: string): PeriodReading {
  const decades = [...question.matchAll(DECADE)];
  if (decades.length) {
    // "the late sixties and early seventies": from the first's start to the last's end.
    let first = '9999-12-31';
    let last = '0000-01-01';
    for (const [, part, century, tens, apostrophe, twoDigit, word] of decades) {
      const start = century ? Number(`${century}${tens}0`) : 1900 + (word ? DECADE_WORDS[word.toLowerCase()]! : Number(apostrophe ?? twoDigit) * 10);
      const [from, to] = part ? DECADE_PARTS[part.toLowerCase()]! : [0, 9];
      if (`${start + from}-01-01` < first) first = `${start + from}-01-01`;
      if (`${start + to}-12-31` > last) last = `${start + to}-12-31`;
    }
    const text = decades.map((d) => d[0].trim()).join(', ');
    return { period: { first, last, granularity: 'year', text }, spans: decades.map((d) => [d.index, d.index + d[0].length]) };
  }
  // "February 30, 1962": the date rules read nothing from it, and the question is told why. A number above 31 after a
  // month is a year typed with two digits ("october 62"), no day.
  const impossible = impossibleDays(monthsCapitalized(question)).find((d) => d.day <= 31);
  if (impossible) {
    const text = question.slice(impossible.start, impossible.end);
    return { period: null, spans: [[impossible.start, impossible.end]], problem: `“${text}” is not a day of the calendar.` };
  }
  const range = YEAR_TO_YEAR.exec(question);
  if (range) {
    try {
      const parsed = parseTimelineRequest(`${range[1] ?? range[3]} to ${range[2] ?? range[4]}`).period!;
      return reading(parsed.first, parsed.last, 'year', range[0], range.index);
    } catch (error) {
      if (error instanceof BackchannelError) return { period: null, spans: [[range.index, range.index + range[0].length]], problem: error.userMessage ?? error.message };
      throw error;
    }
  }
  // Filled by push, not built by `map`: an empty array from `map` is of another kind to V8, and optimized code meeting
  // it for the first time was thrown away and recompiled.
  const mentions: Array<{ first: string; last: string; granularity: Granularity; text: string; start: number; end: number }> = [];
  const spans: Array<[number, number]> = [];
  for (const m of extractDates(monthsCapitalized(question))) {
    const [first, last] = dateBounds(m.iso, m.precision, m.qualifier, m.until);
    const granularity: Granularity = m.precision === 'day' ? 'day' : m.precision === 'month' ? 'month' : 'year';
    mentions.push({ first, last, granularity, text: m.text, start: m.start, end: m.end });
    spans.push([approximatedFrom(question, m.start), m.end]);
  }
  for (const m of question.matchAll(TWO_DIGIT_YEAR)) {
    if (spans.some(([s, e]) => m.index < e && s < m.index + m[0].length)) continue;
    const two = Number(m[1] ?? m[3]);
    const month = m[2] ? (monthNumber(m[2]) ?? 0) : 0;
    if (month && two <= 31) continue; // "October 22": a day
    const year = two >= 30 ? 1900 + two : 2000 + two;
    const iso = month ? `${year}-${String(month).padStart(2, '0')}` : String(year);
    const [first, last] = dateBounds(iso, month ? 'month' : 'year');
    // The words of the year only: "in 74" leaves "in", "october 62" is all the period's.
    const start = month ? m.index : m.index + m[0].search(/'?\d/);
    mentions.push({ first, last, granularity: month ? 'month' : 'year', text: question.slice(start, m.index + m[0].length), start, end: m.index + m[0].length });
    spans.push([approximatedFrom(question, start), m.index + m[0].length]);
  }
  for (const m of question.matchAll(FOUR_DIGITS)) {
    const year = Number(m[0]);
    const inside = spans.some(([s, e]) => m.index >= s && m.index < e);
    if (!inside && (year < EARLIEST_YEAR || year > latestYear()) && /\b(in|during|of|since|from|year|before|after)\s+$/i.test(question.slice(0, m.index))) {
      return { period: null, spans: [[m.index, m.index + 4]], problem: `${m[0]} is not a year any document can tell of (the documents cover US–Cuba relations, 1959–2015).` };
    }
  }
  if (!mentions.length) return presidencyPeriod(question);
  let first = '9999-12-31';
  let last = '0000-01-01';
  let granularity: Granularity = 'day';
  let text = '';
  for (const [i, m] of mentions.entries()) {
    if (m.first < first) first = m.first;
    if (m.last > last) last = m.last;
    if (m.granularity === 'year' || (m.granularity === 'month' && granularity === 'day')) granularity = m.granularity;
    text += i ? `, ${m.text}` : m.text;
  }
  const period = { first, last, granularity, text };
  if (!mentions.every((m) => modifiesNoun(question, m.start, m.end))) return { period, spans };
  const namesTheThing = first.slice(0, 4) === last.slice(0, 4) && ASKS_A_YEAR.test(question);
  return { period: namesTheThing ? null : period, spans, attributive: true };
}

/**
 * Words that make a date approximate ("around 1973", "sometime in 1963", "circa '62"): the period's,
 * not content words. ("roughly" and "approximately" are frame words wherever they stand, "about" a
 * stop word.)
 */
const APPROXIMATELY = /\b(?:around|circa|ca?\.|sometime|some time)(?:\s+(?:in|around|about))?\s+$/i;

/** Where a date starting at `start` begins with the word that makes it approximate before it, if any. */
function approximatedFrom(question: string, start: number): number {
  const before = APPROXIMATELY.exec(question.slice(Math.max(0, start - 24), start));
  return before ? start - before[0].length : start;
}

/** A month typed in lower case before a day or a year ("april 1961", "november 22"). */
const LOWER_MONTH = new RegExp(`\\b${MONTH_SOURCE}(?=\\.?\\s+(?:of\\s+)?\\d)`, 'gi');

/** The question with its lower-case months capitalized, as documents write them and the date rules read them (offsets kept). */
function monthsCapitalized(question: string): string {
  return question.replace(LOWER_MONTH, (m) => m[0]!.toUpperCase() + m.slice(1));
}

function reading(first: string, last: string, granularity: Granularity, text: string, at: number): PeriodReading {
  return { period: { first, last, granularity, text: text.trim() }, spans: [[at, at + text.length]] };
}

/**
 * The US presidencies the documents span, by the names a question calls them ("the Carter years",
 * "Reagan's presidency"), with their first and last day. (Bush is two presidents, and
 * left out: "under Bush" says no one period.)
 */
const PRESIDENCIES = [
  { names: 'eisenhower|ike', first: '1953-01-20', last: '1961-01-20' },
  { names: 'kennedy|jfk', first: '1961-01-20', last: '1963-11-22' },
  { names: 'johnson|lbj', first: '1963-11-22', last: '1969-01-20' },
  { names: 'nixon', first: '1969-01-20', last: '1974-08-09' },
  { names: 'ford', first: '1974-08-09', last: '1977-01-20' },
  { names: 'carter', first: '1977-01-20', last: '1981-01-20' },
  { names: 'reagan', first: '1981-01-20', last: '1989-01-20' },
  { names: 'clinton', first: '1993-01-20', last: '2001-01-20' },
  { names: 'obama', first: '2009-01-20', last: '2017-01-20' },
] as const;

const PRESIDENT = PRESIDENCIES.map((p) => p.names).join('|');
/**
 * A presidency named as a time: "the Carter years / era / presidency", "Carter's term". Group 1 is
 * the name, group 2 the word that makes it a time ("years"), which is the period's and not searched
 * (the name is). Not "under Carter": read as his presidency, it cost two answers (a passage that
 * answers need not date itself within the term) and gained none.
 */
const PRESIDENCY = new RegExp(`\\b(${PRESIDENT})(?:['’]s)?\\s+(years|era|presidency|term)\\b`, 'i');

/** The period of a presidency the question names as a time, if any. */
function presidencyPeriod(question: string): PeriodReading {
  const m = PRESIDENCY.exec(question);
  if (!m) return { period: null, spans: [] };
  const name = m[1]!.toLowerCase();
  const presidency = PRESIDENCIES.find((p) => p.names.split('|').includes(name))!;
  const end = m.index + m[0].length;
  return { period: { first: presidency.first, last: presidency.last, granularity: 'year', text: m[0] }, spans: [[end - m[2]!.length, end]] };
}
