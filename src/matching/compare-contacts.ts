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

/** One mistyped or two swapped digits in a mobile number of the same length. */
function isPhoneTypo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return editDistance(a, b) === 1 || isAdjacentTransposition(a, b);
}

/**
 * `exact`: a shared mobile (or unclassified) number; `partial`: only a shared landline, which whole
 * households and offices share; `close`: two mobiles a typo apart.
 */
export function comparePhones(
  a: readonly NormalizedPhone[],
  b: readonly NormalizedPhone[],
): ComparisonLevel {
  if (a.length === 0 || b.length === 0) return 'missing';
  let level: ComparisonLevel = 'different';
  for (const x of a) {
    for (const y of b) {
      if (x.e164 === y.e164) {
        if (x.type !== 'fixed' && y.type !== 'fixed') return 'exact';
        level = 'partial';
      } else if (level === 'different' && x.type === 'mobile' && y.type === 'mobile') {
        if (isPhoneTypo(x.e164, y.e164)) level = 'close';
      }
    }
  }
  return level;
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
