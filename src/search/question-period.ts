/**
 * The period a question asks about ("in 1977", "1962-63", "November 1963", "in the seventies"), read
 * with the timeline's own date code: `extractDates` for dates as sentences write them, and the
 * `/timeline` period parser for decades and ranges, so a question and a document agree on what a date
 * means.
 */
import { BackchannelError } from '../errors.js';
import { dateBounds, EARLIEST_YEAR, latestYear } from '../timeline/calendar.js';
import { extractDates } from '../timeline/dates.js';
import { parseTimelineRequest, type Granularity } from '../timeline/period.js';

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
}

const DECADE_WORDS: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };
/** "the 1970s", "the '70s", "the 70s", "the seventies". */
const DECADE = /\b(?:the\s+)?(?:(1[89]|20)(\d)0'?s|'(\d)0s|(\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/i;
/** Two years joined as a range the date rules do not read ("from 1980 to 1970"). */
const YEAR_TO_YEAR = /\b(\d{4})\s*(?:-|–|—|to|through|until|till)\s*(\d{4})\b/i;
const FOUR_DIGITS = /\b\d{4}\b/g;

/** The period a question asks about, if any, and where its words stand. */
export function questionPeriod(question: string): PeriodReading {
  const decade = DECADE.exec(question);
  if (decade) {
    const [, century, tens, apostrophe, twoDigit, word] = decade;
    const start = century ? Number(`${century}${tens}0`) : 1900 + (word ? DECADE_WORDS[word.toLowerCase()]! : Number(apostrophe ?? twoDigit) * 10);
    const parsed = parseTimelineRequest(`${start}s`).period!;
    return reading(parsed.first, parsed.last, 'year', decade[0], decade.index);
  }
  const range = YEAR_TO_YEAR.exec(question);
  if (range) {
    try {
      const parsed = parseTimelineRequest(`${range[1]} to ${range[2]}`).period!;
      return reading(parsed.first, parsed.last, 'year', range[0], range.index);
    } catch (error) {
      if (error instanceof BackchannelError) return { period: null, spans: [[range.index, range.index + range[0].length]], problem: error.userMessage ?? error.message };
      throw error;
    }
  }
  const mentions = extractDates(question);
  const spans: Array<[number, number]> = mentions.map((m) => [m.start, m.end]);
  for (const m of question.matchAll(FOUR_DIGITS)) {
    const year = Number(m[0]);
    const inside = spans.some(([s, e]) => m.index >= s && m.index < e);
    if (!inside && (year < EARLIEST_YEAR || year > latestYear()) && /\b(in|during|of|since|from|year|before|after)\s+$/i.test(question.slice(0, m.index))) {
      return { period: null, spans: [[m.index, m.index + 4]], problem: `${m[0]} is not a year any document can tell of (the documents cover US–Cuba relations, 1959–2015).` };
    }
  }
  if (!mentions.length) return { period: null, spans: [] };
  let first = '9999-12-31';
  let last = '0000-01-01';
  let granularity: Granularity = 'day';
  for (const m of mentions) {
    const [from, to] = dateBounds(m.iso, m.precision, m.qualifier, m.until);
    if (from < first) first = from;
    if (to > last) last = to;
    const g: Granularity = m.precision === 'day' ? 'day' : m.precision === 'month' ? 'month' : 'year';
    if (g === 'year' || (g === 'month' && granularity === 'day')) granularity = g;
  }
  const text = mentions.map((m) => m.text).join(', ');
  return { period: { first, last, granularity, text }, spans };
}

function reading(first: string, last: string, granularity: Granularity, text: string, at: number): PeriodReading {
  return { period: { first, last, granularity, text: text.trim() }, spans: [[at, at + text.length]] };
}
