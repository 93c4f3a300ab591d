/**
 * Calendar helpers: month names, plausible years, and the days a date of some precision may denote.
 */
import type { MentionPrecision, Qualifier } from './types.js';

/** Capitalised month names and their abbreviations, as an alternation (no groups inside). */
export const MONTH_SOURCE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** 1-based month of a month name or abbreviation ("Nov.", "november"), or undefined. */
export function monthNumber(name: string): number | undefined {
  const i = MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/** The latest year a statement can be about: the current year. */
export function latestYear(): number {
  return new Date().getUTCFullYear();
}

/** The earliest year a statement in this corpus is taken to be about. */
export const EARLIEST_YEAR = 1800;

/** True for a year between `EARLIEST_YEAR` and the current year. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= latestYear();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Number of days in a month (1-based). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` for a valid day, else undefined (February 30, month 13…). */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM`. */
export function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Month spans of the qualifiers of a year, and of the seasons (northern hemisphere). */
const YEAR_PARTS: Record<Qualifier, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  winter: [12, 14], // December to February of the next year
};

/** Day spans of the qualifiers of a month. */
const MONTH_PARTS: Partial<Record<Qualifier, [number, number]>> = { early: [1, 10], mid: [11, 20], late: [21, 31] };

function monthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-01`;
}

function monthEnd(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}

/**
 * The first and last day (`YYYY-MM-DD`) a date may denote: `1963` → 1963-01-01…1963-12-31,
 * `early 1963-04` → 1963-04-01…1963-04-10, `fall 1962` → 1962-09-01…1962-11-30. `until` (a year)
 * extends the end to the end of that year.
 */
export function dateBounds(iso: string, precision: MentionPrecision, qualifier?: Qualifier, until?: string): [string, string] {
  const year = Number(iso.slice(0, 4));
  let bounds: [string, string];
  if (precision === 'day') bounds = [iso, iso];
  else if (precision === 'month') {
    const month = Number(iso.slice(5, 7));
    const part = qualifier ? MONTH_PARTS[qualifier] : undefined;
    const last = daysInMonth(year, month);
    bounds = part
      ? [`${iso}-${pad(part[0])}`, `${iso}-${pad(Math.min(part[1], last))}`]
      : [`${iso}-01`, `${iso}-${pad(last)}`];
  } else if (qualifier) {
    const [first, last] = YEAR_PARTS[qualifier];
    bounds = [monthStart(year, first), monthEnd(year, last)];
  } else bounds = [`${iso}-01-01`, `${iso}-12-31`];
  if (until) bounds[1] = `${until}-12-31`;
  return bounds;
}

/** How fine a precision is: a day is finer than a month, a season or part of a year finer than a year. */
export function fineness(precision: MentionPrecision, qualifier?: Qualifier): number {
  if (precision === 'day') return 4;
  if (precision === 'month') return 3;
  if (precision === 'season' || qualifier) return 2;
  return 1;
}
