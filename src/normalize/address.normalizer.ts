/**
 * Addresses → NormalizedAddress. Chinese addresses (free text or structured) are resolved against
 * the division table into province / city / district with codes, then street, number and detail;
 * Western ones (FEBRL-style structured rows) keep their own fields, folded and canonicalised.
 * `full` is the address body (divisions, street, number, detail) without postcode or country, which
 * are compared as fields of their own.
 */
import { STRUCTURED_ADDRESS_FIELDS, type StructuredAddress } from './customer-record';
import type { NormalizedAddress } from './normalized-record';
import { parseDivisions, type DivisionParse } from './address-divisions';
import { parseChineseStreet, parseWesternLine } from './address-street';
import { isMunicipality } from './divisions';
import { canonicalCountry } from './country';
import { memoizeByString } from './string-memo';
import { foldLatin, hasHan, normalizeText } from './text';

/**
 * Distinct address texts whose divisions are remembered: the same address comes through several
 * channels, and finding the divisions is most of normalising a Chinese address.
 */
const DIVISIONS_MEMO_CAPACITY = 10_000;
const divisionsOf = memoizeByString(
  (text) => Object.freeze(parseDivisions(text)),
  DIVISIONS_MEMO_CAPACITY,
);

const WHITESPACE = /\s+/gu;
const SPACE_NEAR_HAN = /\s*(\p{Script=Han})\s*/gu;
const COUNTRY_PREFIX = /^(?:中华人民共和国|中国|china|prc)[,\s]*/u;
const LABELLED_POSTCODE = /(?:邮编|邮政编码|postcode)[:\s]*(\d{6})/iu;
const EDGE_POSTCODE = /^(\d{6})\s+|\s+(\d{6})$/u;
const WESTERN_SEPARATORS = /[^\p{L}\p{N}/-]+/gu;
const PROVINCE_COUNTRIES: Readonly<Record<string, string>> = { '71': 'TW', '81': 'HK', '82': 'MO' };

function clean(value: string | undefined): string {
  return value ? normalizeText(value) : '';
}

/** Lower-case, diacritics and punctuation folded, single spaces: "7 Wallaby Pl." → "7 wallaby pl". */
function foldWestern(value: string | undefined): string {
  return value ? foldLatin(normalizeText(value)).replace(WESTERN_SEPARATORS, ' ').trim() : '';
}

function extractPostcode(text: string): { text: string; postcode?: string } {
  const match = LABELLED_POSTCODE.exec(text) ?? EDGE_POSTCODE.exec(text);
  if (!match) return { text };
  const postcode = match[1] ?? match[2];
  return {
    text: (text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length)).trim(),
    postcode,
  };
}

/** Districts of municipalities hang under the pseudo city 市辖区; the city a reader knows is 北京市. */
function cityFields(parse: DivisionParse): Pick<NormalizedAddress, 'city' | 'cityCode'> {
  const { province, city, district } = parse;
  if (city && !city.pseudo) return { city: city.name, cityCode: city.code };
  if (province && isMunicipality(province.code)) {
    return { city: province.name, cityCode: city?.code ?? `${province.code}01` };
  }
  // A county-level city directly under its province (仙桃市): it is its own city.
  if (city && district) return { city: district.name, cityCode: city.code };
  return {};
}

function divisionFields(parse: DivisionParse): Partial<NormalizedAddress> {
  const { province, district } = parse;
  return {
    province: province?.name,
    provinceCode: province?.code,
    ...cityFields(parse),
    district: district?.name ?? parse.districtName,
    districtCode: district?.code,
  };
}

/** Drops empty fields so records compare on what they have (and serialise without nulls). */
function compact(address: NormalizedAddress): NormalizedAddress {
  for (const key of Object.keys(address) as (keyof NormalizedAddress)[]) {
    if (key === 'full') continue;
    if (address[key] === undefined || address[key] === '') delete address[key];
  }
  return address;
}

function chineseAddress(text: string, postcode?: string, country?: string): NormalizedAddress {
  const extracted = extractPostcode(text);
  const compacted = extracted.text.replace(SPACE_NEAR_HAN, '$1').toLowerCase();
  const parse = divisionsOf(compacted.replace(COUNTRY_PREFIX, '').replace(WHITESPACE, ''));
  const divisions = divisionFields(parse);
  const street = parseChineseStreet(parse.rest);
  // Municipalities (北京市) and county-level cities (仙桃市) would otherwise be written twice.
  const city = divisions.city === divisions.province ? undefined : divisions.city;
  const district = divisions.district === city ? undefined : divisions.district;
  const body = [divisions.province, city, district, street.before, street.street];
  body.push(street.number ? street.number + '号' : undefined, street.detail);
  const provinceCountry = parse.province ? PROVINCE_COUNTRIES[parse.province.code] : undefined;
  return compact({
    full: body.filter(Boolean).join(''),
    ...divisions,
    street: street.street,
    number: street.number,
    detail: street.detail,
    postcode: postcode ?? extracted.postcode,
    country: country ?? provinceCountry ?? 'CN',
  });
}

function westernAddress(fields: StructuredAddress): NormalizedAddress {
  const line = parseWesternLine(foldWestern(fields.line1));
  const detail = [line.detail, foldWestern(fields.line2)].filter(Boolean).join(' ');
  const city = foldWestern(fields.city);
  const district = foldWestern(fields.district);
  const province = foldWestern(fields.province);
  const body = [line.number, line.street, detail, district, city, province];
  return compact({
    full: body.filter(Boolean).join('').replace(WHITESPACE, ''),
    province,
    city,
    district,
    street: line.street,
    number: line.number,
    detail,
    postcode: foldWestern(fields.postcode).replace(WHITESPACE, ''),
    country: canonicalCountry(fields.country),
  });
}

/** "7 wallaby place, delmar, cleveland 2119": the first part is the line, a trailing number the postcode. */
function westernFreeText(text: string): NormalizedAddress {
  const parts = text
    .split(/[,;\n]/u)
    .map((part) => part.trim())
    .filter(Boolean);
  const last = parts.length > 1 ? /^(.*?)\s*\b(\d{4,6})$/u.exec(parts[parts.length - 1]) : null;
  if (last) parts[parts.length - 1] = last[1];
  const [line1, ...others] = parts;
  return westernAddress({ line1, line2: others.filter(Boolean).join(' '), postcode: last?.[2] });
}

function structuredChinese(fields: StructuredAddress): NormalizedAddress {
  const text = [fields.province, fields.city, fields.district, fields.line1, fields.line2]
    .map(clean)
    .join('');
  const postcode = clean(fields.postcode).replace(WHITESPACE, '') || undefined;
  return chineseAddress(text, postcode, canonicalCountry(fields.country));
}

/** Undefined when the input holds no address text at all. */
export function normalizeAddress(
  input: string | StructuredAddress | undefined,
): NormalizedAddress | undefined {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null)) return undefined;
  const address = typeof input === 'string' ? freeText(input) : structured(input);
  return address && (address.full || address.postcode) ? address : undefined;
}

function freeText(input: string): NormalizedAddress | undefined {
  const text = clean(input);
  if (!text) return undefined;
  return hasHan(text) ? chineseAddress(text) : westernFreeText(text);
}

/** Imports hand over numbers (postcode 2119) and nulls; keep only text. */
function sanitize(input: StructuredAddress): StructuredAddress {
  const fields: StructuredAddress = {};
  for (const key of STRUCTURED_ADDRESS_FIELDS) {
    const value: unknown = input[key];
    if (typeof value === 'string') fields[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) fields[key] = String(value);
  }
  return fields;
}

function structured(input: StructuredAddress): NormalizedAddress | undefined {
  const fields = sanitize(input);
  const values = STRUCTURED_ADDRESS_FIELDS.map((key) => fields[key] ?? '');
  if (values.every((value) => !value.trim())) return undefined;
  return values.some(hasHan) ? structuredChinese(fields) : westernAddress(fields);
}
