/**
 * Organisation-name comparison. The trade name (字号 / core) carries the evidence; a branch is a
 * different customer from its head office and from other branches, and a different region affix
 * (北京华为… / 华为(上海)…) points to a different company with the same trade name.
 */
import type { NormalizedOrgName } from '../normalize/normalized-record';
import {
  type ComparisonLevel,
  DEFAULT_SIMILARITY,
  type SimilarityThresholds,
} from './comparison-level';
import { containsHan } from './compare-person-name';
import { jaroWinkler } from './string-similarity';

export interface OrgNameComparison {
  /** Trade-name agreement. */
  core: ComparisonLevel;
  /** `exact` same branch or both head offices; `different` branch vs head office or two branches. */
  branch: ComparisonLevel;
  /** `exact` same region affix, `different` two different ones, `missing` when either has none. */
  region: ComparisonLevel;
}

/** Shortest core that may count as contained in a longer one (华为 in 华为技术, "acme" in "acme tools"). */
const MIN_CONTAINED_LENGTH = 2;

function compareCore(
  a: NormalizedOrgName,
  b: NormalizedOrgName,
  t: SimilarityThresholds,
): ComparisonLevel {
  if (!a.core || !b.core) return 'missing';
  if (a.core === b.core) return 'exact';
  if (a.corePinyin && a.corePinyin === b.corePinyin) {
    return containsHan(a.core) || containsHan(b.core) ? 'pinyin' : 'normalized';
  }
  // Jaro–Winkler on Han strings is too coarse (two characters in common look "close"); pinyin is not.
  if (jaroWinkler(a.corePinyin, b.corePinyin) >= t.closeJaroWinkler) return 'close';
  // Same trade name with other industry words (华为技术 / 华为科技) or one core inside the other.
  if (a.tradeName && a.tradeName === b.tradeName) return 'partial';
  const [short, long] = a.core.length <= b.core.length ? [a.core, b.core] : [b.core, a.core];
  if (short.length >= MIN_CONTAINED_LENGTH && long.includes(short)) return 'partial';
  return 'different';
}

function compareBranch(a: NormalizedOrgName, b: NormalizedOrgName): ComparisonLevel {
  if (!a.branch && !b.branch) return 'exact';
  if (!a.branch || !b.branch) return 'different';
  return a.branch === b.branch ? 'exact' : 'different';
}

function compareRegion(a: NormalizedOrgName, b: NormalizedOrgName): ComparisonLevel {
  if (!a.region || !b.region) return 'missing';
  return a.region === b.region ? 'exact' : 'different';
}

export function compareOrgNames(
  a: NormalizedOrgName,
  b: NormalizedOrgName,
  t: SimilarityThresholds = DEFAULT_SIMILARITY,
): OrgNameComparison {
  return {
    core: compareCore(a, b, t),
    branch: compareBranch(a, b),
    region: compareRegion(a, b),
  };
}
