/**
 * Region affixes in organisation names: province and prefecture-city names (北京, 北京市, 深圳),
 * 中国, and their romanisations in Western names ("(Beijing)", "Shanghai Branch").
 */
import { type Division, allDivisions, divisionsNamed, matchDivisionAt } from './divisions';
import { hanPinyin } from './text';

const COUNTRY_NAMES: readonly string[] = ['中华人民共和国', '中国'];
const COUNTRY_REGION = '中国';
/** Romanisations that are not plain pinyin of the short name, or would collide (山西 / 陕西). */
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  china: COUNTRY_REGION,
  prc: COUNTRY_REGION,
  hongkong: '香港',
  macau: '澳门',
  macao: '澳门',
  shaanxi: '陕西',
  peking: '北京',
  canton: '广州',
};

function isRegion(division: Division): boolean {
  return !division.pseudo && (division.level === 'province' || division.level === 'city');
}

/** The whole text is a region name: 北京 / 北京市 / 中国 → 北京 / 北京 / 中国. */
export function hanRegion(text: string): string | undefined {
  if (COUNTRY_NAMES.includes(text)) return COUNTRY_REGION;
  return divisionsNamed(text).find((entry) => isRegion(entry.division))?.division.short;
}

/** A region name at the start of the text (北京华为…), with its length. */
export function hanRegionPrefix(text: string): { region: string; length: number } | undefined {
  const country = COUNTRY_NAMES.find((name) => text.startsWith(name));
  if (country) return { region: COUNTRY_REGION, length: country.length };
  const match = matchDivisionAt(text, 0, (entry) => isRegion(entry.division));
  return match ? { region: match.divisions[0].short, length: match.length } : undefined;
}

const LONGEST_PLACE = 8;

/**
 * Where a run of place names ending at `end` begins (华为技术深圳龙岗|分公司 → start of 深圳);
 * any division level counts here, since a branch is often named after its district.
 */
export function placeRunStart(text: string, end: number): number {
  let start = end;
  for (let found = true; found && start > 0;) {
    found = false;
    for (let from = Math.max(0, start - LONGEST_PLACE); from <= start - 2; from++) {
      if (divisionsNamed(text.slice(from, start)).length > 0) {
        start = from;
        found = true;
        break;
      }
    }
  }
  return start;
}

let latinRegions: Map<string, string> | undefined;

function buildLatinRegions(): Map<string, string> {
  const regions = new Map(Object.entries(LATIN_EXTRA));
  for (const division of allDivisions()) {
    if (!isRegion(division)) continue;
    const key = hanPinyin(division.short).join('');
    if (!regions.has(key)) regions.set(key, division.short);
  }
  return regions;
}

/** "beijing" / "hong kong" → 北京 / 香港; the text is folded Latin. */
export function latinRegion(text: string): string | undefined {
  latinRegions ??= buildLatinRegions();
  return latinRegions.get(text.replace(/\s+/gu, ''));
}
