/**
 * Compares two normalised records field by field into comparison levels, written into a
 * caller-owned array so scoring many candidate records allocates (almost) nothing.
 */
import type { NormalizedRecord } from '../normalize/normalized-record';
import {
  COMPARISON_LEVELS,
  type ComparisonLevel,
  type SimilarityThresholds,
} from './comparison-level';
import { compareAddresses } from './compare-address';
import { compareEmails, comparePhones } from './compare-contacts';
import {
  compareBirthDates,
  compareGenders,
  compareIds,
  effectiveBirthDate,
  effectiveGender,
} from './compare-identity';
import { compareOrgNames } from './compare-org-name';
import { comparePersonNames } from './compare-person-name';
import { MATCH_FIELDS, type MatchField } from './match-config';

export const FIELD_COUNT = MATCH_FIELDS.length;
export const LEVEL_COUNT = COMPARISON_LEVELS.length;

export const FIELD_INDEX = Object.fromEntries(MATCH_FIELDS.map((field, i) => [field, i])) as Record<
  MatchField,
  number
>;
export const LEVEL_INDEX = Object.fromEntries(
  COMPARISON_LEVELS.map((level, i) => [level, i]),
) as Record<ComparisonLevel, number>;

const MISSING = LEVEL_INDEX.missing;

/** Level indices per field (see FIELD_INDEX / LEVEL_INDEX) plus whether the names matched crosswise. */
export interface FieldLevels {
  levels: Uint8Array;
  namesSwapped: boolean;
}

export function createFieldLevels(): FieldLevels {
  return { levels: new Uint8Array(FIELD_COUNT), namesSwapped: false };
}

function set(out: FieldLevels, field: MatchField, level: ComparisonLevel): void {
  out.levels[FIELD_INDEX[field]] = LEVEL_INDEX[level];
}

function compareNames(
  a: NormalizedRecord,
  b: NormalizedRecord,
  t: SimilarityThresholds,
  out: FieldLevels,
): void {
  if (a.personName && b.personName) {
    const names = comparePersonNames(a.personName, b.personName, t);
    set(out, 'familyName', names.family);
    set(out, 'givenName', names.given);
    out.namesSwapped = names.swapped;
  }
  if (a.orgName && b.orgName) {
    const org = compareOrgNames(a.orgName, b.orgName, t);
    set(out, 'orgName', org.core);
    set(out, 'orgBranch', org.branch);
    set(out, 'orgRegion', org.region);
  }
}

/** Fills `out` with the levels of every field for the pair (a, b). */
export function compareRecords(
  a: NormalizedRecord,
  b: NormalizedRecord,
  t: SimilarityThresholds,
  out: FieldLevels,
): FieldLevels {
  out.levels.fill(MISSING);
  out.namesSwapped = false;
  compareNames(a, b, t, out);
  const id = compareIds(a.id, b.id);
  set(out, id.verified ? 'idVerified' : 'idUnverified', id.level);
  set(out, 'birthDate', compareBirthDates(effectiveBirthDate(a), effectiveBirthDate(b)));
  set(out, 'gender', compareGenders(effectiveGender(a), effectiveGender(b)));
  // Two organisations sharing a switchboard number are one office, not a household.
  const landline = a.kind === 'organization' && b.kind === 'organization' ? 'exact' : 'partial';
  set(out, 'phone', comparePhones(a.phones, b.phones, landline));
  set(out, 'email', compareEmails(a.emails, b.emails, t));
  const address = compareAddresses(a.address, b.address, t);
  set(out, 'street', address.street);
  set(out, 'locality', address.locality);
  set(out, 'postcode', address.postcode);
  return out;
}
