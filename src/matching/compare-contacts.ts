/**
 * Phone and e-mail comparison. Both are multi-valued: any shared value is agreement, and a
 * different value is only mild evidence against (people have several numbers and mailboxes).
 */
import type { NormalizedPhone } from '../normalize/normalized-record';
import {
  type ComparisonLevel,
  DEFAULT_SIMILARITY,
  type SimilarityThresholds,
} from './comparison-level';
import { editDistance, isAdjacentTransposition, jaroWinkler } from './string-similarity';

/** One mistyped, dropped or extra digit, or two swapped digits. */
function isPhoneTypo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  return editDistance(a, b) === 1 || isAdjacentTransposition(a, b);
}

/** A mistyped mobile often fails validation and so loses its type: one side must be a mobile. */
function mayBeMobileTypo(x: NormalizedPhone, y: NormalizedPhone): boolean {
  if (x.type === 'fixed' || y.type === 'fixed') return false;
  return (x.type === 'mobile' || y.type === 'mobile') && isPhoneTypo(x.e164, y.e164);
}

/**
 * `exact`: a shared mobile (or unclassified) number; `partial`: only a shared landline, which whole
 * households and offices share (`sharedLandline` says what it is worth instead: between two
 * organisations a switchboard number is the company's own, `exact`); `close`: two mobiles a typo
 * apart. Placeholder numbers (13800000000) are no phone at all: a side with nothing else is `missing`.
 */
export function comparePhones(
  a: readonly NormalizedPhone[],
  b: readonly NormalizedPhone[],
  sharedLandline: 'partial' | 'exact' = 'partial',
): ComparisonLevel {
  let level: ComparisonLevel = 'missing';
  let seenA = false;
  for (const x of a) {
    if (x.placeholder) continue;
    seenA = true;
    for (const y of b) {
      if (y.placeholder) continue;
      if (level === 'missing') level = 'different';
      if (x.e164 === y.e164) {
        if (x.type !== 'fixed' && y.type !== 'fixed') return 'exact';
        if (sharedLandline === 'exact') return 'exact';
        level = 'partial';
      } else if (level === 'different' && mayBeMobileTypo(x, y)) {
        level = 'close';
      }
    }
  }
  return seenA ? level : 'missing';
}

function compareEmailPair(a: string, b: string, t: SimilarityThresholds): boolean {
  const atA = a.lastIndexOf('@');
  const atB = b.lastIndexOf('@');
  if (atA < 0 || atB < 0) return jaroWinkler(a, b) >= t.closeJaroWinkler;
  const sameDomain = a.length - atA === b.length - atB && a.endsWith(b.slice(atB));
  const localA = a.slice(0, atA);
  const localB = b.slice(0, atB);
  if (sameDomain) return jaroWinkler(localA, localB) >= t.closeJaroWinkler;
  // Same mailbox name at a mistyped domain (gmial.com).
  return localA === localB && editDistance(a.slice(atA), b.slice(atB)) <= 2;
}

/** `exact`: a shared address; `close`: a typo in the mailbox name or in the domain. */
export function compareEmails(
  a: readonly string[],
  b: readonly string[],
  t: SimilarityThresholds = DEFAULT_SIMILARITY,
): ComparisonLevel {
  if (a.length === 0 || b.length === 0) return 'missing';
  let close = false;
  for (const x of a) {
    for (const y of b) {
      if (x === y) return 'exact';
      if (!close && compareEmailPair(x, y, t)) close = true;
    }
  }
  return close ? 'close' : 'different';
}
