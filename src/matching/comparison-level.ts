/**
 * How closely two values of one field agree. Every comparator answers with one of these levels and
 * the match configuration gives each (field, level) its m and u probability.
 */
export type ComparisonLevel =
  'exact' | 'normalized' | 'pinyin' | 'close' | 'partial' | 'different' | 'missing';

export const COMPARISON_LEVELS: readonly ComparisonLevel[] = [
  'exact',
  'normalized',
  'pinyin',
  'close',
  'partial',
  'different',
  'missing',
];

/**
 * Strength order, strongest agreement first. Used where a comparator must choose between two
 * readings (straight or swapped name order) without knowing the configured weights.
 */
export const LEVEL_STRENGTH: Readonly<Record<ComparisonLevel, number>> = {
  exact: 6,
  normalized: 5,
  pinyin: 4,
  close: 3,
  partial: 2,
  missing: 1,
  different: 0,
};

/** True for the levels that mean "the same value" (possibly in another spelling or script). */
export function isSameValueLevel(level: ComparisonLevel): boolean {
  return level === 'exact' || level === 'normalized' || level === 'pinyin';
}

/**
 * Thresholds shared by the string comparators; part of the match configuration so they can be tuned
 * together with the weights they feed.
 */
export interface SimilarityThresholds {
  /** Jaro–Winkler at or above which two Latin strings are `close` (a typo apart). */
  closeJaroWinkler: number;
  /** Jaro–Winkler at or above which two Latin strings are `partial` (related, not the same). */
  partialJaroWinkler: number;
}

export const DEFAULT_SIMILARITY: SimilarityThresholds = {
  closeJaroWinkler: 0.92,
  partialJaroWinkler: 0.8,
};
