/**
 * Reference data for synthetic Chinese customers, read once from the shared datasets folder:
 * surname and given-name character frequencies, administrative divisions, company trade names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { requireDatasetFile } from '../common/project-paths';
import { AliasTable } from './alias-table';
import { buildPlaces, type Place } from './places';

export interface ReferenceData {
  surnames: AliasTable<string>;
  givenChars: { M: AliasTable<string>; F: AliasTable<string> };
  /** Frequent name characters, for homophone typos. */
  commonNameChars: string[];
  places: Place[];
  placesByCity: Map<string, Place[]>;
  /** Places of the ten largest customer markets, drawn more often than their share of townships. */
  bigCityPlaces: Place[];
  tradeNames: string[];
}

type Row = Record<string, string>;

function readCsv(dir: string, relativePath: string): Row[] {
  const text = readFileSync(requireDatasetFile(dir, relativePath), 'utf8');
  return parse<Row>(text, { columns: true, skip_empty_lines: true, trim: true });
}

const BIG_CITY_CODES = [
  '1101',
  '3101',
  '4401',
  '4403',
  '3301',
  '5101',
  '4201',
  '3201',
  '5001',
  '6101',
];
const HAN_NAME = /^[\u4e00-\u9fa5]+$/;

function loadSurnames(dir: string): AliasTable<string> {
  const rows = readCsv(dir, 'chinese/names/wainshine_Chinese_Family_Name_1k.csv').filter(
    (r) => HAN_NAME.test(r.NameB) && Number(r.TF) > 0,
  );
  return new AliasTable(
    rows.map((r) => r.NameB),
    rows.map((r) => Number(r.TF)),
  );
}

function loadGivenChars(dir: string): Pick<ReferenceData, 'givenChars' | 'commonNameChars'> {
  const rows = readCsv(dir, 'chinese/names/ngender_charfreq.csv').filter((r) =>
    HAN_NAME.test(r.char),
  );
  const table = (column: 'male' | 'female'): AliasTable<string> => {
    const used = rows.filter((r) => Number(r[column]) > 0);
    return new AliasTable(
      used.map((r) => r.char),
      used.map((r) => Number(r[column])),
    );
  };
  const byTotal = [...rows].sort(
    (a, b) => Number(b.male) + Number(b.female) - (Number(a.male) + Number(a.female)),
  );
  return {
    givenChars: { M: table('male'), F: table('female') },
    commonNameChars: byTotal.slice(0, 2500).map((r) => r.char),
  };
}

function loadTradeNames(dir: string): string[] {
  const path = requireDatasetFile(dir, 'chinese/companies/wainshine_Company_Shorter_Form_28W.txt');
  // The corpus is "somewhat noisy": keep plain Han names of two to five characters.
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((name) => /^[\u4e00-\u9fa5]{2,5}$/.test(name));
}

export function loadReferenceData(dir: string): ReferenceData {
  const divisions = join('chinese', 'admin_divisions');
  const places = buildPlaces(
    readCsv(dir, join(divisions, 'provinces.csv')),
    readCsv(dir, join(divisions, 'cities.csv')),
    readCsv(dir, join(divisions, 'areas.csv')),
    readCsv(dir, join(divisions, 'streets.csv')),
  );
  const placesByCity = new Map<string, Place[]>();
  for (const place of places) {
    const list = placesByCity.get(place.cityCode);
    if (list === undefined) placesByCity.set(place.cityCode, [place]);
    else list.push(place);
  }
  return {
    surnames: loadSurnames(dir),
    ...loadGivenChars(dir),
    places,
    placesByCity,
    bigCityPlaces: BIG_CITY_CODES.flatMap((code) => placesByCity.get(code) ?? []),
    tradeNames: loadTradeNames(dir),
  };
}
