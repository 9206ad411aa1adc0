/**
 * Dates (birth dates) in the forms channels send → YYYY-MM-DD.
 *
 * Year-first forms are unambiguous: 1985-03-02, 1985/3/2, 1985.03.02, 19850302, 1985年3月2日.
 * Day and month before the year (02/03/1985) are read day first, as in China, the UK and Australia
 * (FEBRL), unless a part over 12 says otherwise (03/25/1985 is 25 March); pass `dayFirst: false`
 * for a channel known to send US dates. A timestamp contributes the calendar date as written,
 * without time-zone conversion: a birth date has no time zone.
 */
import type { Normalized } from './field-issues';

export interface DateOptions {
  /** Dates after this day (UTC) are impossible; defaults to now. */
  today?: Date;
  dayFirst?: boolean;
}

/** Earlier dates in customer data are typos or placeholders (1900-01-01 itself is allowed). */
export const EARLIEST_YEAR = 1900;

const TIME_SUFFIX = /[t\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?$/u;
const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/u;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/u;
const MONTH_NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function monthNumber(name: string): number {
  const index = MONTHS.indexOf(name.slice(0, 3));
  const full = index >= 0 && (name.length <= 4 || name.startsWith(MONTHS[index]));
  return full ? index + 1 : 0;
}

function parts(year: string, month: number | string, day: string): DateParts {
  return { year: Number(year), month: Number(month), day: Number(day) };
}

function yearLast(first: string, second: string, year: string, dayFirst: boolean): DateParts {
  const a = Number(first);
  const b = Number(second);
  const readDayFirst = a > 12 ? true : b > 12 ? false : dayFirst;
  return readDayFirst ? parts(year, b, first) : parts(year, a, second);
}

function parseParts(text: string, dayFirst: boolean): DateParts | undefined {
  let m = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (m) return parts(m[1], m[2], m[3]);
  if ((m = YEAR_LAST.exec(text))) return yearLast(m[1], m[2], m[3], dayFirst);
  if ((m = DAY_MONTH_NAME.exec(text))) return parts(m[3], monthNumber(m[2]), m[1]);
  if ((m = MONTH_NAME_DAY.exec(text))) return parts(m[3], monthNumber(m[1]), m[2]);
  return undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate({ year, month, day }: DateParts): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export function isoToday(today: Date = new Date()): string {
  return today.toISOString().slice(0, 10);
}

/** A real calendar day between 1900-01-01 and today. */
export function isPlausibleBirthDate(date: DateParts, today?: Date): boolean {
  const { year, month, day } = date;
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (day > daysInMonth(year, month)) return false;
  return isoDate(date) <= isoToday(today);
}

/** Longer input is not a date; checked first so no pattern ever runs on a huge string. */
const LONGEST_INPUT = 40;

export function normalizeDate(raw: string, options: DateOptions = {}): Normalized<string> {
  const trimmed = raw.normalize('NFKC').trim();
  if (trimmed.length > LONGEST_INPUT) return { issue: 'INVALID_DATE' };
  const text = trimmed.toLowerCase().replace(TIME_SUFFIX, '');
  const date = parseParts(text, options.dayFirst ?? true);
  if (!date || !isPlausibleBirthDate(date, options.today)) return { issue: 'INVALID_DATE' };
  return { value: isoDate(date) };
}
