import type { ComparisonLevel } from './comparison-level';
import { FIELD_COUNT, FIELD_INDEX, LEVEL_INDEX } from './compare-records';
import { type BestLevels, householdCorrection } from './household-correction';
import type { MatchField } from './match-config';

const limits = { maxBits: 19, minBits: -6, twinBirthDateBits: 5, sharedPhoneBits: 14 };

/** Best levels with the given (level, weight) per field; every other field missing. */
function best(fields: Partial<Record<MatchField, [ComparisonLevel, number]>>): BestLevels {
  const levels: BestLevels = {
    level: new Uint8Array(FIELD_COUNT).fill(LEVEL_INDEX.missing),
    weight: new Float64Array(FIELD_COUNT),
    present: new Uint8Array(FIELD_COUNT),
  };
  for (const [field, [level, weight]] of Object.entries(fields) as Array<
    [MatchField, [ComparisonLevel, number]]
  >) {
    const f = FIELD_INDEX[field];
    levels.level[f] = LEVEL_INDEX[level];
    levels.weight[f] = weight;
    levels.present[f] = 1;
  }
  return levels;
}

const household = {
  familyName: ['exact', 7.6],
  street: ['exact', 11.1],
  locality: ['exact', 5.1],
  phone: ['partial', 10.6],
} as const;

describe('householdCorrection', () => {
  it.each([
    [
      'agreeing given names: household evidence counts in full',
      { ...household, givenName: ['exact', 7.5] },
      0,
    ],
    [
      'a different given name: capped at maxBits',
      { ...household, givenName: ['different', -5] },
      19 - 34.4,
    ],
    ['an unknown given name: capped at maxBits', household, 19 - 34.4],
    [
      'a shared mobile is personal, not household evidence',
      { ...household, phone: ['exact', 16.5] },
      19 - 23.8,
    ],
    [
      'twins: a shared birth date in a shared flat counts at most twinBirthDateBits',
      { ...household, givenName: ['different', -5], birthDate: ['exact', 12.1] },
      19 - 34.4 + (5 - 12.1),
    ],
    [
      'an unknown given name with a shared birth date is not treated as twins',
      { ...household, birthDate: ['exact', 12.1] },
      19 - 34.4,
    ],
    [
      'a move: the address parts together take at most minBits',
      { street: ['different', -2.7], locality: ['different', -2.7], postcode: ['different', -2.7] },
      -6 + 8.1,
    ],
    [
      'a shared mobile between differently named people counts at most sharedPhoneBits',
      { familyName: ['exact', 7.6], givenName: ['different', -5], phone: ['exact', 23.1] },
      14 - 23.1,
    ],
    [
      'a shared mobile with an unknown given name (王先生) counts in full',
      { familyName: ['exact', 7.6], phone: ['exact', 23.1] },
      0,
    ],
    [
      'a shared mobile with agreeing given names counts in full',
      { familyName: ['exact', 7.6], givenName: ['exact', 7.5], phone: ['exact', 23.1] },
      0,
    ],
    [
      'little household evidence: no correction',
      { familyName: ['exact', 7.6], locality: ['exact', 5.1] },
      0,
    ],
  ] as Array<[string, Partial<Record<MatchField, [ComparisonLevel, number]>>, number]>)(
    '%s',
    (_, fields, expected) => {
      expect(householdCorrection(best(fields), limits)).toBeCloseTo(expected, 9);
    },
  );
});
