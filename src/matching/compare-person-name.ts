/**
 * Person-name comparison: family and given name are compared separately (they carry different
 * evidence, and a family name alone is shared by whole households), Chinese names through their
 * pinyin so 张伟 / 張偉 / "Zhang Wei" meet, and a swapped family/given order is detected.
 */
import type { NormalizedPersonName } from '../normalize/normalized-record';
import {
  type ComparisonLevel,
  DEFAULT_SIMILARITY,
  LEVEL_STRENGTH,
  type SimilarityThresholds,
} from './comparison-level';
import { editDistance, jaroWinkler } from './string-similarity';

export interface PersonNameComparison {
  family: ComparisonLevel;
  given: ComparisonLevel;
  /** The better reading paired one record's family name with the other's given name. */
  swapped: boolean;
}

/** True when the string contains a CJK ideograph (BMP ranges and the supplementary planes). */
export function containsHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return true;
    if (code >= 0xd840 && code <= 0xd87f) return true; // surrogate lead of planes 2–3 (ext. B+)
  }
  return false;
}

/** "r" / "robert", "rob" / "robert", "mary" / "mary ann": related forms, not the same name. */
function isAbbreviationOrToken(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return long.charCodeAt(0) === short.charCodeAt(0);
  if (short.length >= 3 && long.startsWith(short)) return true;
  return (' ' + long + ' ').includes(' ' + short + ' ');
}

/** Shortest name in which one wrong, missing or extra letter still counts as a typo. */
const MIN_TYPO_LENGTH = 4;

function compareLatin(a: string, b: string, t: SimilarityThresholds): ComparisonLevel {
  const similarity = jaroWinkler(a, b);
  if (similarity >= t.closeJaroWinkler) return 'close';
  // Jaro–Winkler punishes an early typo in a short name (koebut / korbut: 0.91).
  if (Math.min(a.length, b.length) >= MIN_TYPO_LENGTH && editDistance(a, b) === 1) return 'close';
  if (similarity >= t.partialJaroWinkler || isAbbreviationOrToken(a, b)) return 'partial';
  return 'different';
}

/**
 * Two Han given names of equal length differing in one character whose pinyin is one letter off
 * (小明 / 小敏) are an input-method slip; any other difference is another name — siblings often
 * share a generation character, so sharing one character alone proves nothing.
 */
function compareHanGiven(a: string, b: string, pinyinA = '', pinyinB = ''): ComparisonLevel {
  if (a.length !== b.length || editDistance(a, b) !== 1) return 'different';
  return editDistance(pinyinA, pinyinB) <= 1 ? 'close' : 'different';
}

function comparePart(
  a: string | undefined,
  pinyinA: string | undefined,
  b: string | undefined,
  pinyinB: string | undefined,
  isGiven: boolean,
  t: SimilarityThresholds,
): ComparisonLevel {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const hanA = containsHan(a);
  const hanB = containsHan(b);
  if (pinyinA && pinyinA === pinyinB) return hanA || hanB ? 'pinyin' : 'normalized';
  // Single Han family names have no spelling variants: 黄 (huang) is not a typo of 王 (wang).
  if (hanA && hanB) return isGiven ? compareHanGiven(a, b, pinyinA, pinyinB) : 'different';
  return compareLatin(hanA ? (pinyinA ?? a) : a, hanB ? (pinyinB ?? b) : b, t);
}

export function compareFamilyNames(
  a: NormalizedPersonName,
  b: NormalizedPersonName,
  t: SimilarityThresholds = DEFAULT_SIMILARITY,
): ComparisonLevel {
  return comparePart(a.family, a.familyPinyin, b.family, b.familyPinyin, false, t);
}

/** Names known only as a whole (no family/given split): the order-independent pinyin key decides. */
function compareWholeNames(
  a: NormalizedPersonName,
  b: NormalizedPersonName,
  t: SimilarityThresholds,
): ComparisonLevel {
  if (!a.pinyinKey || !b.pinyinKey) return 'missing';
  if (a.pinyinKey === b.pinyinKey) {
    if (a.display === b.display) return 'exact';
    return a.script === 'han' || b.script === 'han' ? 'pinyin' : 'normalized';
  }
  return compareLatin(a.pinyinKey, b.pinyinKey, t);
}

function hasSplit(name: NormalizedPersonName): boolean {
  return name.family !== undefined || name.given !== undefined;
}

function strength(family: ComparisonLevel, given: ComparisonLevel): number {
  return LEVEL_STRENGTH[family] + LEVEL_STRENGTH[given];
}

export function comparePersonNames(
  a: NormalizedPersonName,
  b: NormalizedPersonName,
  t: SimilarityThresholds = DEFAULT_SIMILARITY,
): PersonNameComparison {
  if (!hasSplit(a) || !hasSplit(b)) {
    // A whole-name agreement stands for both parts agreeing.
    const level = compareWholeNames(a, b, t);
    return { family: level, given: level, swapped: false };
  }
  const family = comparePart(a.family, a.familyPinyin, b.family, b.familyPinyin, false, t);
  const given =
    a.surnameOnly || b.surnameOnly
      ? 'missing'
      : comparePart(a.given, a.givenPinyin, b.given, b.givenPinyin, true, t);
  if (!a.family || !a.given || !b.family || !b.given || a.surnameOnly || b.surnameOnly) {
    return { family, given, swapped: false };
  }
  // Both crossings are compared as family names (strict for Han) and assigned weaker-first, so the
  // result does not depend on which record is "a".
  const cross1 = comparePart(a.family, a.familyPinyin, b.given, b.givenPinyin, false, t);
  const cross2 = comparePart(a.given, a.givenPinyin, b.family, b.familyPinyin, false, t);
  if (strength(cross1, cross2) > strength(family, given)) {
    const weakerFirst = LEVEL_STRENGTH[cross1] <= LEVEL_STRENGTH[cross2];
    return {
      family: weakerFirst ? cross1 : cross2,
      given: weakerFirst ? cross2 : cross1,
      swapped: true,
    };
  }
  return { family, given, swapped: false };
}
