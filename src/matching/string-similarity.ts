/**
 * String similarity measures used by the field comparators. Both run on every candidate of every
 * resolve call, so they avoid per-call allocation: Jaro–Winkler reuses two module-level flag buffers.
 */
import { distance } from 'fastest-levenshtein';

/** Winkler's prefix bonus is given for at most four shared leading characters. */
const MAX_PREFIX = 4;
const PREFIX_SCALE = 0.1;
/** Winkler only boosts pairs that are already similar; below this the plain Jaro value is returned. */
const BOOST_THRESHOLD = 0.7;

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureBuffers(lengthA: number, lengthB: number): void {
  if (flagsA.length < lengthA) flagsA = new Uint8Array(lengthA * 2);
  if (flagsB.length < lengthB) flagsB = new Uint8Array(lengthB * 2);
  flagsA.fill(0, 0, lengthA);
  flagsB.fill(0, 0, lengthB);
}

/** Jaro similarity in [0, 1]; two empty strings are identical (1), one empty string scores 0. */
export function jaro(first: string, second: string): number {
  if (first === second) return 1;
  // The greedy matching scan is not exactly symmetric; a fixed argument order makes the measure so.
  const a = first < second ? first : second;
  const b = first < second ? second : first;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  ensureBuffers(lengthA, lengthB);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      flagsA[i] = 1;
      flagsB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / lengthA + m / lengthB + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler similarity in [0, 1]: Jaro plus a bonus for a common prefix (names are typed left to right). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < BOOST_THRESHOLD) return j;
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * PREFIX_SCALE * (1 - j);
}

/** Levenshtein edit distance (insert, delete, substitute). */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/** 1 − edit distance / longer length, in [0, 1]; two empty strings are identical. */
export function normalizedLevenshtein(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/**
 * True when b is a with two adjacent characters swapped (19850302 / 19580302, "jonh" / "john"),
 * a typing error that Levenshtein counts as two edits.
 */
export function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let swappedAt = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    const isSwap =
      swappedAt < 0 &&
      i + 1 < a.length &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i);
    if (!isSwap) return false;
    swappedAt = i;
    i++;
  }
  return swappedAt >= 0;
}
