/**
 * Identifier, birth-date and gender comparison: the fields whose disagreement is evidence that two
 * records are different people (twins share everything else).
 */
import type { Gender, NormalizedId, NormalizedRecord } from '../normalize/normalized-record';
import type { ComparisonLevel } from './comparison-level';
import { editDistance, isAdjacentTransposition } from './string-similarity';

export interface IdComparison {
  level: ComparisonLevel;
  /**
   * Both identifiers pass a checksum. Then equality is decisive and a difference cannot be a typo
   * (a typo almost always breaks the check digit), so it means two different people.
   */
  verified: boolean;
}

const MISSING_ID: IdComparison = { level: 'missing', verified: false };

/** Identifier types with a check digit; for the others `valid` only means "well-formed". */
export function hasChecksum(id: NormalizedId): boolean {
  return id.type === 'cn_resident' || id.type === 'cn_uscc';
}

function isTypo(a: string, b: string): boolean {
  return editDistance(a, b) === 1 || isAdjacentTransposition(a, b);
}

export function compareIds(a: NormalizedId | undefined, b: NormalizedId | undefined): IdComparison {
  if (!a || !b || a.type !== b.type) return MISSING_ID;
  const verified = hasChecksum(a) && a.valid && b.valid;
  if (a.value === b.value) return { level: 'exact', verified };
  if (verified) return { level: 'different', verified };
  return { level: isTypo(a.value, b.value) ? 'close' : 'different', verified: false };
}

/** The birth date a record states, else the one encoded in its resident ID. */
export function effectiveBirthDate(record: NormalizedRecord): string | undefined {
  return record.birthDate ?? record.id?.birthDate;
}

export function effectiveGender(record: NormalizedRecord): Gender | undefined {
  return record.gender ?? record.id?.gender;
}

/** 1985-03-02 vs 1985-02-03: day and month entered in the other order. */
function isDayMonthSwap(a: string, b: string): boolean {
  return (
    a.length === 10 &&
    b.length === 10 &&
    a.startsWith(b.slice(0, 5)) &&
    a.slice(5, 7) === b.slice(8, 10) &&
    a.slice(8, 10) === b.slice(5, 7)
  );
}

/** Dates this many days apart may be one date remembered or converted wrongly. */
const NEAR_DAYS = 31;
const DAY_MS = 86_400_000;

/** Same year and month, same month and day, or at most a month apart: a vaguer error. */
function isNearDate(a: string, b: string): boolean {
  if (a.slice(0, 7) === b.slice(0, 7) || a.slice(4) === b.slice(4)) return true;
  const days = Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
  return days <= NEAR_DAYS;
}

/**
 * Dates as YYYY-MM-DD. `close` covers the usual entry errors: one wrong digit, two swapped digits,
 * day and month swapped; `partial` a vaguer error (same month, same day of the year, within a
 * month). Anything else is `different`, strong evidence of another person.
 */
export function compareBirthDates(a: string | undefined, b: string | undefined): ComparisonLevel {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (isDayMonthSwap(a, b)) return 'close';
  // Typos happen on the digits as typed (19571204 / 19571024), not on the formatted date.
  if (isTypo(digitsOf(a), digitsOf(b))) return 'close';
  return isNearDate(a, b) ? 'partial' : 'different';
}

function digitsOf(date: string): string {
  return date.length === 10 ? date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10) : date;
}

export function compareGenders(a: Gender | undefined, b: Gender | undefined): ComparisonLevel {
  if (!a || !b) return 'missing';
  return a === b ? 'exact' : 'different';
}
