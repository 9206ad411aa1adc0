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
import { HAN_BRANCH_MARKER, LATIN_BRANCH_MARKER } from '../normalize/org-legal-forms';
import { hanPinyin } from '../normalize/text';
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

/**
 * Same registered name: trade name and industry (the core), region affix and legal form agree.
 * Registration authorities issue a name once, so this is nearly an identifier. A legal form left
 * out on one side does not contradict (济宁聚生活文化传媒 / 济宁聚生活文化传媒有限责任公司) while the
 * region affix is there to place it; without region affixes both legal forms must be stated.
 */
function sameRegisteredName(a: NormalizedOrgName, b: NormalizedOrgName): boolean {
  if (a.region !== b.region) return false;
  if (a.legalForm !== undefined && b.legalForm !== undefined) return a.legalForm === b.legalForm;
  return a.region !== undefined && (a.legalForm !== undefined || b.legalForm !== undefined);
}

/** Records normalised before tradePinyin existed compare their trade names as written. */
function tradePinyinOf(org: NormalizedOrgName): string | undefined {
  return org.tradePinyin ?? org.tradeName;
}

/** Shortest trade name (in pinyin letters) that may be recognised inside a romanised name. */
const MIN_TRADE_PREFIX = 4;

/**
 * Same trade name (字号): `close` when nothing contradicts it — one side is the bare trade name
 * (李家铺子 / 黄冈李家铺子环保科技有限公司) or the two are in different scripts, so the industry
 * words cannot be compared (立天下网络科技 / "Litianxia Network Technology", where the Han trade
 * name or the romanised one may also begin the other's core); `partial` when the industry words
 * differ (华为技术 / 华为终端 can be two companies).
 */
function compareTradeNames(
  a: NormalizedOrgName,
  b: NormalizedOrgName,
): ComparisonLevel | undefined {
  const tradeA = tradePinyinOf(a);
  const tradeB = tradePinyinOf(b);
  const crossScript = containsHan(a.core) !== containsHan(b.core);
  if (tradeA && tradeA === tradeB)
    return !a.industry || !b.industry || crossScript ? 'close' : 'partial';
  if (!crossScript) return undefined;
  const startsWith = (org: NormalizedOrgName, trade: string | undefined) =>
    trade !== undefined && trade.length >= MIN_TRADE_PREFIX && org.corePinyin.startsWith(trade);
  return startsWith(a, tradeB) || startsWith(b, tradeA) ? 'close' : undefined;
}

function compareCore(
  a: NormalizedOrgName,
  b: NormalizedOrgName,
  t: SimilarityThresholds,
): ComparisonLevel {
  if (!a.core || !b.core) return 'missing';
  if (a.core === b.core) return sameRegisteredName(a, b) ? 'exact' : 'normalized';
  if (a.corePinyin && a.corePinyin === b.corePinyin) {
    return containsHan(a.core) || containsHan(b.core) ? 'pinyin' : 'normalized';
  }
  // Jaro–Winkler on Han strings is too coarse (two characters in common look "close"); pinyin is not.
  if (jaroWinkler(a.corePinyin, b.corePinyin) >= t.closeJaroWinkler) return 'close';
  const trade = compareTradeNames(a, b);
  if (trade) return trade;
  // One core inside the other.
  const [short, long] = a.core.length <= b.core.length ? [a.core, b.core] : [b.core, a.core];
  if (short.length >= MIN_CONTAINED_LENGTH && long.includes(short)) return 'partial';
  return 'different';
}

/** The place a branch is named after, in pinyin: 武汉分公司 and "Wuhan Branch" are one branch. */
function branchPlace(branch: string): string {
  if (containsHan(branch)) return hanPinyin(branch.replace(HAN_BRANCH_MARKER, '')).join('');
  return branch.replace(LATIN_BRANCH_MARKER, '').replace(/\s+/gu, '');
}

function compareBranch(a: NormalizedOrgName, b: NormalizedOrgName): ComparisonLevel {
  if (!a.branch && !b.branch) return 'exact';
  if (!a.branch || !b.branch) return 'different';
  if (a.branch === b.branch) return 'exact';
  return branchPlace(a.branch) === branchPlace(b.branch) ? 'exact' : 'different';
}

/**
 * A romanised region is read back as one of its homophones ("Fuzhou" → 福州, also 抚州), so across
 * scripts two regions agree when their pinyin does.
 */
function compareRegion(a: NormalizedOrgName, b: NormalizedOrgName): ComparisonLevel {
  if (!a.region || !b.region) return 'missing';
  if (a.region === b.region) return 'exact';
  if (containsHan(a.core) === containsHan(b.core)) return 'different';
  return hanPinyin(a.region).join('') === hanPinyin(b.region).join('') ? 'exact' : 'different';
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
