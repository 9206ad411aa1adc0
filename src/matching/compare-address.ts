/**
 * Address comparison in three parts scored separately: the dwelling (street, number, detail), the
 * locality (district / city / suburb) and the postcode. A shared dwelling is household evidence, not
 * person evidence; the scorer caps it together with landline and family name.
 */
import type { NormalizedAddress } from '../normalize/normalized-record';
import {
  type ComparisonLevel,
  DEFAULT_SIMILARITY,
  type SimilarityThresholds,
} from './comparison-level';
import { containsHan } from './compare-person-name';
import { editDistance, isAdjacentTransposition, jaroWinkler } from './string-similarity';

export interface AddressComparison {
  street: ComparisonLevel;
  locality: ComparisonLevel;
  postcode: ComparisonLevel;
}

type Agreement = 'same' | 'close' | 'different' | 'missing';

function textAgreement(
  a: string | undefined,
  b: string | undefined,
  t: SimilarityThresholds,
): Agreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'same';
  if (containsHan(a) || containsHan(b)) {
    // Jaro–Winkler is meaningless on three Han characters; one wrong character in a long name is a typo.
    return Math.min(a.length, b.length) >= 3 && editDistance(a, b) === 1 ? 'close' : 'different';
  }
  return jaroWinkler(a, b) >= t.closeJaroWinkler ? 'close' : 'different';
}

function codeAgreement(a: string | undefined, b: string | undefined): Agreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'same';
  const typo = a.length === b.length && (editDistance(a, b) === 1 || isAdjacentTransposition(a, b));
  return typo ? 'close' : 'different';
}

/** A street line that is only a house number ("37") carries the number, not a street name. */
function isBareNumber(address: NormalizedAddress): boolean {
  return (
    address.number === undefined &&
    address.street !== undefined &&
    /^\d+[a-z]?$/i.test(address.street)
  );
}

export function streetOf(address: NormalizedAddress): string | undefined {
  return isBareNumber(address) ? undefined : address.street;
}

export function houseNumberOf(address: NormalizedAddress): string | undefined {
  return isBareNumber(address) ? address.street : address.number;
}

/** Street name and house number decide; a different detail (flat, unit) is another household. */
function compareDwelling(
  a: NormalizedAddress,
  b: NormalizedAddress,
  t: SimilarityThresholds,
): ComparisonLevel {
  const streetA = streetOf(a);
  const streetB = streetOf(b);
  const street = textAgreement(streetA, streetB, t);
  if (street === 'missing') return compareWithoutStreets(a, b, t);
  if (street !== 'different') {
    return dwellingLevel(street, a, b, textAgreement(a.detail, b.detail, t));
  }
  // Street and locality name entered in swapped address lines ("23 allunga / woollum street"):
  // both crossings must agree, which keeps the comparison symmetric.
  const there = textAgreement(streetA, b.detail, t);
  const back = textAgreement(a.detail, streetB, t);
  if (there === 'missing' || there === 'different' || back === 'missing' || back === 'different') {
    return 'different';
  }
  return dwellingLevel(there === 'same' ? back : there, a, b, 'same');
}

function dwellingLevel(
  street: Agreement,
  a: NormalizedAddress,
  b: NormalizedAddress,
  detail: Agreement,
): ComparisonLevel {
  const number = codeAgreement(houseNumberOf(a), houseNumberOf(b));
  if (number === 'different' || number === 'missing' || detail === 'different') return 'partial';
  return street === 'same' && number === 'same' ? 'exact' : 'close';
}

/**
 * No street on one side: two unparsed addresses compare as whole lines; two addresses whose only
 * dwelling part is the detail (the normaliser could not split 科技园路1号) compare by it.
 */
function compareWithoutStreets(
  a: NormalizedAddress,
  b: NormalizedAddress,
  t: SimilarityThresholds,
): ComparisonLevel {
  if (isUnparsed(a) && isUnparsed(b)) return compareFull(a, b, t);
  if (streetOf(a) || streetOf(b) || houseNumberOf(a) || houseNumberOf(b)) return 'missing';
  const detail = textAgreement(a.detail, b.detail, t);
  if (detail === 'missing') return 'missing';
  return detail === 'same' ? 'exact' : detail === 'close' ? 'close' : 'different';
}

/** The normaliser found no structure at all: only the one-line form can be compared. */
function isUnparsed(address: NormalizedAddress): boolean {
  return (
    !address.street && !address.number && !address.city && !address.district && !address.postcode
  );
}

function compareFull(
  a: NormalizedAddress,
  b: NormalizedAddress,
  t: SimilarityThresholds,
): ComparisonLevel {
  const full = textAgreement(a.full, b.full, t);
  if (full === 'missing') return 'missing';
  return full === 'same' ? 'exact' : full === 'close' ? 'close' : 'different';
}

/**
 * A shared district is `exact`. A shared Chinese prefecture-level city (it has a division code) is
 * only `partial`: millions live there. A Western city / suburb name is small enough to be `exact`.
 */
function compareLocality(
  a: NormalizedAddress,
  b: NormalizedAddress,
  t: SimilarityThresholds,
): ComparisonLevel {
  if (a.districtCode && b.districtCode) {
    if (a.districtCode === b.districtCode) return 'exact';
    return a.cityCode && a.cityCode === b.cityCode ? 'partial' : 'different';
  }
  if (a.cityCode && b.cityCode) return a.cityCode === b.cityCode ? 'partial' : 'different';
  const city = textAgreement(a.city, b.city, t);
  if (city === 'missing') return 'missing';
  return city === 'same' ? 'exact' : city === 'close' ? 'close' : 'different';
}

export function compareAddresses(
  a: NormalizedAddress | undefined,
  b: NormalizedAddress | undefined,
  t: SimilarityThresholds = DEFAULT_SIMILARITY,
): AddressComparison {
  if (!a || !b) return { street: 'missing', locality: 'missing', postcode: 'missing' };
  // A postcode adds nothing to two known district codes (it is implied by them); counting it
  // would double the locality evidence.
  const bothDistricts = a.districtCode !== undefined && b.districtCode !== undefined;
  const postcode = bothDistricts ? 'missing' : codeAgreement(a.postcode, b.postcode);
  return {
    street: compareDwelling(a, b, t),
    locality: compareLocality(a, b, t),
    postcode: postcode === 'same' ? 'exact' : postcode,
  };
}
