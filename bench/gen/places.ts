/**
 * Township-level places built from the statistical division codes, with the display names an
 * address or a company name uses (municipalities: 北京市 is both province and city).
 */
export interface Place {
  provinceCode: string;
  province: string;
  cityCode: string;
  /** Display city: the province name for municipalities, the county for 省直辖 counties. */
  city: string;
  /** City without its suffix, as used in company names: 杭州, 北京. */
  cityShort: string;
  /** The 6-digit county code, also the first six digits of a resident ID. */
  areaCode: string;
  /** County-level district; undefined when it is the city itself (东莞市, 济源市). */
  district?: string;
  township: string;
}

type Row = Record<string, string>;

const MUNICIPAL_PLACEHOLDERS = new Set(['市辖区', '县']);
const DIRECT_COUNTY_PLACEHOLDERS = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);

export function shortCityName(name: string): string {
  if (name.endsWith('自治州')) return name.slice(0, 2);
  const stripped = name.replace(/(市|地区|盟)$/, '');
  return stripped.length >= 2 ? stripped : name;
}

export function buildPlaces(
  provinces: Row[],
  cities: Row[],
  areas: Row[],
  streets: Row[],
): Place[] {
  const provinceName = new Map(provinces.map((r) => [r.code, r.name]));
  const cityName = new Map(cities.map((r) => [r.code, r.name]));
  const areaByCode = new Map(areas.map((r) => [r.code, r]));
  const places: Place[] = [];
  for (const street of streets) {
    const area = areaByCode.get(street.areaCode);
    const province = provinceName.get(street.provinceCode);
    const rawCity = cityName.get(street.cityCode);
    if (area === undefined || province === undefined || rawCity === undefined) continue;
    let city = rawCity;
    if (MUNICIPAL_PLACEHOLDERS.has(rawCity)) city = province;
    else if (DIRECT_COUNTY_PLACEHOLDERS.has(rawCity)) city = area.name;
    places.push({
      provinceCode: street.provinceCode,
      province,
      cityCode: street.cityCode,
      city,
      cityShort: shortCityName(city),
      areaCode: area.code,
      district: area.name === city ? undefined : area.name,
      township: street.name,
    });
  }
  return places;
}
