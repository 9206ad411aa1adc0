/**
 * Telephone numbers: unique mobile numbers on real carrier prefixes, landlines on the city's
 * area code, and each channel's way of writing them.
 */
import type { Place } from './places';
import type { Rng } from './prng';

// prettier-ignore
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151',
  '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180',
  '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '198', '199',
];

// Area codes of the province capitals and the largest cities; elsewhere the province capital's
// code stands in, which keeps every number a valid CN fixed-line number.
// prettier-ignore
const CITY_AREA_CODES: Record<string, string> = {
  '1101': '10', '1201': '22', '3101': '21', '5001': '23', '5002': '23', '4401': '20', '4403': '755',
  '3301': '571', '3302': '574', '3201': '25', '3205': '512', '4201': '27', '5101': '28', '6101': '29',
  '2101': '24', '2102': '411', '3701': '531', '3702': '532', '4101': '371', '4301': '731', '3501': '591',
  '3502': '592', '3401': '551', '3601': '791', '1301': '311', '1401': '351', '1501': '471', '2201': '431',
  '2301': '451', '4501': '771', '4601': '898', '5201': '851', '5301': '871', '5401': '891', '6201': '931',
  '6301': '971', '6401': '951', '6501': '991', '4406': '757', '4419': '769', '3206': '513',
};
// prettier-ignore
const PROVINCE_CAPITAL_CITY: Record<string, string> = {
  '13': '1301', '14': '1401', '15': '1501', '21': '2101', '22': '2201', '23': '2301', '32': '3201',
  '33': '3301', '34': '3401', '35': '3501', '36': '3601', '37': '3701', '41': '4101', '42': '4201',
  '43': '4301', '44': '4401', '45': '4501', '46': '4601', '51': '5101', '52': '5201', '53': '5301',
  '54': '5401', '61': '6101', '62': '6201', '63': '6301', '64': '6401', '65': '6501',
};

export function areaCodeOf(place: Place): string {
  return (
    CITY_AREA_CODES[place.cityCode] ??
    CITY_AREA_CODES[PROVINCE_CAPITAL_CITY[place.provinceCode] ?? ''] ??
    CITY_AREA_CODES['1101']
  );
}

/** A landline: area code without the trunk 0, and an 8-digit local number (first digit 2–8). */
export interface Landline {
  areaCode: string;
  local: string;
}

export class PhoneRegistry {
  private readonly issued = new Set<string>();

  mobile(rng: Rng): string {
    for (;;) {
      const number = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
      if (this.claim(number)) return number;
    }
  }

  landline(rng: Rng, place: Place): Landline {
    const areaCode = areaCodeOf(place);
    for (;;) {
      const local = String(rng.range(2, 8)) + rng.digits(7);
      if (this.claim(areaCode + local)) return { areaCode, local };
    }
  }

  private claim(value: string): boolean {
    if (this.issued.has(value)) return false;
    this.issued.add(value);
    return true;
  }
}

/** A number that store clerks type when the customer gives none: the same for everybody. */
export const PLACEHOLDER_MOBILE = '13800000000';

export type MobileFormat = 'plain' | 'spaced' | 'plus86' | 'plus86spaced' | 'dashed' | 'intl0086';

export function formatMobile(mobile: string, format: MobileFormat): string {
  const spaced = `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;
  switch (format) {
    case 'plain':
      return mobile;
    case 'spaced':
      return spaced;
    case 'plus86':
      return `+86${mobile}`;
    case 'plus86spaced':
      return `+86 ${spaced}`;
    case 'dashed':
      return `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`;
    case 'intl0086':
      return `0086 ${spaced}`;
  }
}

export type LandlineFormat = 'dashed' | 'parenthesized' | 'plain' | 'plus86' | 'spacedLocal';

export function formatLandline(phone: Landline, format: LandlineFormat): string {
  const { areaCode, local } = phone;
  switch (format) {
    case 'dashed':
      return `0${areaCode}-${local}`;
    case 'parenthesized':
      return `(0${areaCode})${local}`;
    case 'plain':
      return `0${areaCode}${local}`;
    case 'plus86':
      return `+86 ${areaCode} ${local.slice(0, 4)} ${local.slice(4)}`;
    case 'spacedLocal':
      return `0${areaCode}-${local.slice(0, 4)} ${local.slice(4)}`;
  }
}
