/**
 * Finds province, city and district at the start of a Chinese address. Official names are tried
 * before short ones (吉林市 is a city, 吉林 alone the province), and a short or bare district name is
 * only taken where it is unique: 朝阳区 with no city could be Beijing or Changchun.
 */
import {
  type Division,
  type DivisionMatch,
  type NameEntry,
  divisionByCode,
  isMunicipality,
  matchDivisionAt,
} from './divisions';

export interface DivisionParse {
  province?: Division;
  city?: Division;
  district?: Division;
  /** A district named in the text whose code is ambiguous without a city (朝阳区). */
  districtName?: string;
  /** The text after the divisions: street, number, building. */
  rest: string;
}

type Accept = (entry: NameEntry) => boolean;

const ADMIN_SUFFIX_AFTER = /^[省市区县州盟旗]/u;

const official =
  (level: Division['level'], within?: (d: Division) => boolean): Accept =>
  (entry) =>
    !entry.short && entry.division.level === level && (!within || within(entry.division));

const short =
  (level: Division['level'], within?: (d: Division) => boolean): Accept =>
  (entry) =>
    entry.short && entry.division.level === level && (!within || within(entry.division));

/** Written by systems that print the code table literally: 北京市市辖区朝阳区. */
const PSEUDO_CITY_WORD = '市辖区';

/** First of the acceptors that matches uniquely, or the first ambiguous match when none does. */
function firstMatch(text: string, start: number, acceptors: Accept[]): DivisionMatch | undefined {
  let ambiguous: DivisionMatch | undefined;
  for (const accept of acceptors) {
    const match = matchDivisionAt(text, start, accept);
    if (match?.divisions.length === 1) return match;
    ambiguous ??= match;
  }
  return ambiguous;
}

/** Skips the same division written twice (北京北京市…), as structured fields plus line1 often do. */
function skipRepeat(text: string, start: number, division: Division): number {
  for (const name of [division.name, division.short]) {
    if (name.length >= 2 && text.startsWith(name, start)) return start + name.length;
  }
  return start;
}

function skipPseudoCity(text: string, start: number): number {
  return text.startsWith(PSEUDO_CITY_WORD, start) ? start + PSEUDO_CITY_WORD.length : start;
}

function matchTop(text: string): DivisionMatch | undefined {
  return firstMatch(text, 0, [
    official('province'),
    official('city'),
    short('province'),
    short('city'),
  ]);
}

function matchCity(text: string, start: number, province: Division) {
  const inProvince = (d: Division) => d.provinceCode === province.code;
  return firstMatch(text, start, [official('city', inProvince), short('city', inProvince)]);
}

function matchDistrict(text: string, start: number, scope?: Division) {
  if (!scope) return firstMatch(text, start, [official('district')]);
  const inScope = (d: Division) =>
    scope.level === 'city' ? d.cityCode === scope.code : d.provinceCode === scope.code;
  return firstMatch(text, start, [official('district', inScope), short('district', inScope)]);
}

function withParents(parse: DivisionParse, district: Division): DivisionParse {
  const city = district.cityCode ? divisionByCode(district.cityCode) : undefined;
  return {
    ...parse,
    district,
    city: parse.city ?? city,
    province: parse.province ?? divisionByCode(district.provinceCode),
  };
}

export function parseDivisions(text: string): DivisionParse {
  let parse: DivisionParse = { rest: text };
  let pos = 0;
  const top = matchTop(text);
  if (top?.divisions.length === 1) {
    const found = top.divisions[0];
    const province = found.level === 'province' ? found : divisionByCode(found.provinceCode);
    parse = { ...parse, province, city: found.level === 'city' ? found : undefined };
    pos = skipRepeat(text, top.length, found);
  }
  if (parse.province && !parse.city && !isMunicipality(parse.province.code)) {
    const city = matchCity(text, pos, parse.province);
    if (city?.divisions.length === 1) {
      parse.city = city.divisions[0];
      pos = skipRepeat(text, pos + city.length, parse.city);
    }
  }
  pos = skipPseudoCity(text, pos);
  const district = matchDistrict(text, pos, parse.city ?? parse.province);
  if (district?.divisions.length === 1) parse = withParents(parse, district.divisions[0]);
  else if (district) parse.districtName = text.slice(pos, pos + district.length);
  if (district) pos += district.length;
  return { ...parse, rest: skipKnownNames(text, pos, parse) };
}

/** Structured fields followed by a line1 that repeats them: 广东省深圳市 + 广东省深圳市南山区深南大道. */
function skipKnownNames(text: string, start: number, parse: DivisionParse): string {
  const known = [parse.province, parse.city, parse.district].filter((d): d is Division => !!d);
  let pos = start;
  for (let moved = true; moved;) {
    moved = false;
    for (const division of known) {
      const next = skipRepeat(text, pos, division);
      if (next > pos && !ADMIN_SUFFIX_AFTER.test(text.slice(next, next + 1))) {
        pos = next;
        moved = true;
      }
    }
  }
  return text.slice(pos);
}
