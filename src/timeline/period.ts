/**
 * Parses what follows `/timeline`: a period (a year, a range, a month, a day or a decade), then an
 * optional topic. `1963`, `1962-1963`, `1962 to 1963`, `1963-11`, `November 1963`, `Nov 1963 to
 * March 1964`, `1960s`, `all`; `1963 Attwood` is 1963 with the topic "Attwood".
 */
import { BackchannelError } from '../errors.js';
import { MONTH_NAMES, daysInMonth, isoDay, isoMonth, monthNumber } from './calendar.js';

/** How finely a period is given. */
export type Granularity = 'year' | 'month' | 'day';

/** A period of time, as asked for. */
export interface Period {
  /** ISO prefix of its start: `1962`, `1963-11`, `1963-11-05`. */
  from: string;
  /** ISO prefix of its end (equal to `from` for a single year, month or day). */
  to: string;
  /** First day, `YYYY-MM-DD`. */
  first: string;
  /** Last day, `YYYY-MM-DD`. */
  last: string;
  /** The finer of the two ends' granularities. */
  granularity: Granularity;
}

/** A parsed timeline request. */
export interface TimelineRequest {
  /** The period; null for the whole timeline (`all`, or nothing typed). */
  period: Period | null;
  /** Topic words after the period, trimmed; empty for none. */
  topic: string;
}

interface Point {
  iso: string;
  granularity: Granularity;
  first: string;
  last: string;
}

const HELP =
  'Try a year (1963), a range (1962-1963) or a month (1963-11, November 1963), then optionally a topic: 1963 Attwood (or all Attwood).';

function bad(input: string, userMessage: string): BackchannelError {
  return new BackchannelError('BAD_INPUT', `timeline: cannot parse period "${input}"`, { userMessage, details: { input } });
}

function yearPoint(text: string, input: string): Point {
  if (!/^\d{4}$/.test(text)) throw bad(input, `“${text}” is not a year: write years with four digits (1963). ${HELP}`);
  return { iso: text, granularity: 'year', first: `${text}-01-01`, last: `${text}-12-31` };
}

function monthPoint(year: number, month: number, input: string, shown: string): Point {
  if (month < 1 || month > 12)
    throw bad(input, `“${shown}”: there is no month ${month} (months run from 01 to 12; a range of years is written 1962-1963).`);
  const iso = isoMonth(year, month);
  return { iso, granularity: 'month', first: `${iso}-01`, last: `${iso}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
}

const NUMERIC_POINT = /^(\d+)(?:-(\d+)(?:-(\d+))?)?(s?)(?=$|[\s–—]|\.\.)/;
const NAMED_POINT = /^([A-Za-z]+)\.?(?:\s+(\d+))?(?=$|[\s–—-]|\.\.)/;
const SEPARATOR = /^\s*(?:-|–|—|\.\.|to\b|through\b|until\b)\s*/i;

/** Reads one end of a period at the start of `rest`; returns it and the length read, or null. */
function readPoint(rest: string, input: string): { point: Point; length: number; decade?: Point } | null {
  const numeric = NUMERIC_POINT.exec(rest);
  if (numeric) {
    const [text, a = '', b, c, decade] = numeric;
    if (decade) {
      if (!/^\d{3}0$/.test(a) || b) throw bad(input, `“${text}” is not a decade (1960s). ${HELP}`);
      const end = yearPoint(String(Number(a) + 9), input);
      return { point: yearPoint(a, input), length: text.length, decade: end };
    }
    const year = yearPoint(a, input);
    if (b === undefined) return { point: year, length: text.length };
    if (b.length === 4 && c === undefined) return { point: year, length: a.length }; // "1962-1963": a range
    if (b.length > 2) throw bad(input, `“${text}” is not a month or a range: write 1963-11 or 1962-1963. ${HELP}`);
    const month = monthPoint(Number(a), Number(b), input, text);
    if (c === undefined) return { point: month, length: text.length };
    const day = isoDay(Number(a), Number(b), Number(c));
    if (!day || c.length > 2) throw bad(input, `“${text}” is not a day of the calendar. ${HELP}`);
    return { point: { iso: day, granularity: 'day', first: day, last: day }, length: text.length };
  }
  const named = NAMED_POINT.exec(rest);
  const month = named ? monthNumber(named[1]!) : undefined;
  if (!named || !month || !MONTH_NAMES.some((m) => m.toLowerCase().startsWith(named[1]!.toLowerCase()))) return null;
  if (named[1]!.length < 3) return null;
  if (named[2] === undefined) throw bad(input, `${MONTH_NAMES[month - 1]} of which year? Write ${MONTH_NAMES[month - 1]} 1963. ${HELP}`);
  yearPoint(named[2], input);
  return { point: monthPoint(Number(named[2]), month, input, named[0]), length: named[0].length };
}

const finer = (a: Granularity, b: Granularity): Granularity =>
  a === 'day' || b === 'day' ? 'day' : a === 'month' || b === 'month' ? 'month' : 'year';

/**
 * Parses a timeline request. Throws `BackchannelError('BAD_INPUT')` with a message saying what is
 * wrong for text that starts with no period ("abc"), impossible months or days ("1963-13"), ranges
 * that run backwards ("2015-1959") and years not written with four digits.
 */
export function parseTimelineRequest(input: string): TimelineRequest {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '' || /^all\b/i.test(text)) return { period: null, topic: text.replace(/^all\b\s*/i, '') };
  const start = readPoint(text, input);
  if (!start) throw bad(input, `“${text.split(' ')[0]}” is not a period. ${HELP}`);
  let rest = text.slice(start.length);
  let end = start.decade ?? start.point;
  const separator = start.decade ? null : SEPARATOR.exec(rest);
  if (separator) {
    const second = readPoint(rest.slice(separator[0].length), input);
    if (!second || second.decade) throw bad(input, `“${text}”: a range needs an end, as in 1962-1963. ${HELP}`);
    end = second.point;
    rest = rest.slice(separator[0].length + second.length);
  }
  if (rest !== '' && !rest.startsWith(' ')) throw bad(input, `“${text}” is not a period. ${HELP}`);
  const first = start.point;
  if (first.first > end.last)
    throw bad(input, `“${first.iso}–${end.iso}” runs backwards: did you mean ${end.iso}–${first.iso}?`);
  const period: Period = { from: first.iso, to: end.iso, first: first.first, last: end.last, granularity: finer(first.granularity, end.granularity) };
  return { period, topic: rest.trim() };
}

/** The period in words: "1963", "1962–1963", "November 1963", "November 5, 1963". */
export function describePeriod(period: Period | null): string {
  if (!period) return 'the whole corpus';
  const one = (iso: string) => {
    const [y, m, d] = iso.split('-');
    if (!m) return y!;
    const month = MONTH_NAMES[Number(m) - 1]!;
    return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
  };
  return period.from === period.to ? one(period.from) : `${one(period.from)}–${one(period.to)}`;
}
