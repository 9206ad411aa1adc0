/** Birth dates: drawing them, and each channel's way of writing them. */
import { pad, type BirthDate } from './identifiers';
import type { Rng } from './prng';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

export function drawBirthDate(rng: Rng, fromYear: number, toYear: number): BirthDate {
  const year = rng.range(fromYear, toYear);
  const month = rng.range(1, 12);
  return { year, month, day: rng.range(1, daysInMonth(year, month)) };
}

export type DateFormat = 'iso' | 'slash' | 'compact' | 'chinese' | 'dotted';

export function formatDate(date: BirthDate, format: DateFormat): string {
  const { year, month, day } = date;
  switch (format) {
    case 'iso':
      return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    case 'slash':
      return `${year}/${month}/${day}`;
    case 'compact':
      return `${year}${pad(month, 2)}${pad(day, 2)}`;
    case 'chinese':
      return `${year}年${month}月${day}日`;
    case 'dotted':
      return `${year}.${pad(month, 2)}.${pad(day, 2)}`;
  }
}

/** A plausible slip: month and day swapped (when that is still a date) or the day off by one. */
export function mistypeDate(rng: Rng, date: BirthDate): BirthDate {
  const { year, month, day } = date;
  if (day <= 12 && day !== month && rng.chance(0.5)) return { year, month: day, day: month };
  const shifted = day === 1 ? 2 : day - 1;
  return {
    year,
    month,
    day: rng.chance(0.5) && day < daysInMonth(year, month) ? day + 1 : shifted,
  };
}
