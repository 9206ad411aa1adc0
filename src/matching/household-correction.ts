/**
 * Household evidence is not independent evidence. Family members share family name, address,
 * locality, postcode and landline, so their sum says "same household", not "same person"; one move
 * changes every address part at once; and inside a household a shared birth date means twins far
 * more often than it does between strangers. Fellegi–Sunter assumes independent fields, so these
 * sums are corrected here (MatchConfig.household).
 */
import { COMPARISON_LEVELS, isSameValueLevel } from './comparison-level';
import { FIELD_INDEX as F, LEVEL_INDEX as L } from './compare-records';
import type { HouseholdLimits } from './match-config';

/** Per field: the chosen level, its weight and whether any record had a value (see score.ts). */
export interface BestLevels {
  level: Uint8Array;
  weight: Float64Array;
  present: Uint8Array;
}

const HOUSEHOLD_FIELDS = [F.familyName, F.street, F.locality, F.postcode, F.phone];
const ADDRESS_FIELDS = [F.street, F.locality, F.postcode];

function givenNamesAgree(best: BestLevels): boolean {
  const given = best.level[F.givenName];
  return given === L.close || isSameValueLevel(COMPARISON_LEVELS[given]);
}

/** Both given names known and different (not an unknown one, as in 王先生). */
function givenNamesDisagree(best: BestLevels): boolean {
  return best.present[F.givenName] === 1 && best.level[F.givenName] === L.different;
}

/** Same street address or a shared landline: the two records live in one household. */
function sharesDwelling(best: BestLevels): boolean {
  const street = best.level[F.street];
  return street === L.exact || street === L.close || best.level[F.phone] === L.partial;
}

function sumOf(best: BestLevels, fields: readonly number[], sign: 1 | -1): number {
  let sum = 0;
  for (const f of fields) {
    if (f === F.phone && best.level[f] !== L.partial) continue; // only a shared landline counts
    if (best.present[f] === 1 && best.weight[f] * sign > 0) sum += best.weight[f];
  }
  return sum;
}

/**
 * The correction in bits. While the given names do not agree (or one is unknown) nothing tells
 * *which* household member this is: household evidence is capped at maxBits, and when both given
 * names are known and disagree a shared birth date in a shared dwelling counts at most
 * twinBirthDateBits. With agreeing given names household evidence counts in full. Disagreeing
 * given names also cap a shared mobile at sharedPhoneBits.
 */
export function householdCorrection(best: BestLevels, limits: HouseholdLimits): number {
  let correction = 0;
  if (!givenNamesAgree(best)) {
    const positive = sumOf(best, HOUSEHOLD_FIELDS, 1);
    if (positive > limits.maxBits) correction += limits.maxBits - positive;
    const birthDate = best.weight[F.birthDate];
    // Only names that disagree point to another member; an unknown given name does not.
    const twinLike =
      best.level[F.birthDate] === L.exact &&
      best.present[F.givenName] === 1 &&
      sharesDwelling(best);
    if (twinLike && birthDate > limits.twinBirthDateBits) {
      correction += limits.twinBirthDateBits - birthDate;
    }
  }
  // A shared mobile between two differently named people: one family's number.
  const phone = best.weight[F.phone];
  if (
    givenNamesDisagree(best) &&
    best.level[F.phone] === L.exact &&
    phone > limits.sharedPhoneBits
  ) {
    correction += limits.sharedPhoneBits - phone;
  }
  const negative = sumOf(best, ADDRESS_FIELDS, -1);
  if (negative < limits.minBits) correction += limits.minBits - negative;
  return correction;
}
