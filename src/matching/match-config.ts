/**
 * Match configuration: Fellegi–Sunter m and u probabilities per field and comparison level, the two
 * decision thresholds and the knobs of blocking, term frequencies and survivorship.
 *
 * m = P(level | same customer), u = P(level | different customers); a level contributes
 * log2(m / u) bits to the score. A level without an entry contributes nothing (`missing` always).
 */
import {
  type ComparisonLevel,
  DEFAULT_SIMILARITY,
  type SimilarityThresholds,
} from './comparison-level';
import type { SurvivorshipCriterion } from './survivorship-ranking';

export const MATCH_FIELDS = [
  'familyName',
  'givenName',
  'orgName',
  'orgBranch',
  'orgRegion',
  'idVerified',
  'idUnverified',
  'birthDate',
  'gender',
  'phone',
  'email',
  'street',
  'locality',
  'postcode',
] as const;

export type MatchField = (typeof MATCH_FIELDS)[number];

export interface LevelProbabilities {
  m: number;
  u: number;
}

export type FieldLevelProbabilities = Partial<Record<ComparisonLevel, LevelProbabilities>>;

export interface MatchThresholds {
  /** At or above: link automatically. */
  upper: number;
  /** At or above (and below upper): create a review item for a steward. */
  lower: number;
}

export interface TermFrequencySettings {
  enabled: boolean;
  /** Below this many customers frequencies are noise (every name is "1 in 50"), so none is applied. */
  minPopulation: number;
}

/**
 * Household evidence (family name, street address, locality, postcode, a shared landline) is
 * correlated: family members share all of it, so together it proves "same household", not "same
 * person", and a move changes all address parts at once. Its sum is clamped to this range.
 */
export interface HouseholdLimits {
  /** Most bits the household fields may add together (twins share all of it). */
  maxBits: number;
  /** Most bits the address fields may take away together (one move changes them all). */
  minBits: number;
  /**
   * Most bits a shared birth date adds between two household members whose given names do not
   * agree: there it means twins more often than the same person.
   */
  twinBirthDateBits: number;
  /**
   * Most bits a shared mobile adds when both given names are known and disagree: a parent's number
   * entered for a child, siblings sharing one — family, not the same person.
   */
  sharedPhoneBits: number;
}

export interface MatchConfig {
  fields: Record<MatchField, FieldLevelProbabilities>;
  thresholds: MatchThresholds;
  similarity: SimilarityThresholds;
  termFrequency: TermFrequencySettings;
  household: HouseholdLimits;
  /** A blocking-key value shared by more customers than this is generic and not used to find candidates. */
  genericKeyLimit: number;
  /**
   * Candidate customers scored per record, those sharing the most keys first. Every candidate's
   * records are read and scored under the record's locks, so this bounds the work of a record with
   * a common name in a large database.
   */
  maxCandidates: number;
  /** A partial key (PARTIAL_KEY_TYPES: a name alone) shared by more customers is skipped. */
  partialKeyLimit: number;
  /** Source systems, most trusted first (survivorship); unlisted sources rank after all listed ones. */
  sourceTrust: string[];
  /** Survivorship criteria in order of precedence; a steward's pin always comes first. */
  survivorshipOrder: SurvivorshipCriterion[];
}

const p = (m: number, u: number): LevelProbabilities => ({ m, u });

/**
 * Defaults. u values are chance-agreement rates between two different customers of a large
 * customer base; m values are agreement rates of duplicate records with typical entry errors.
 * They were set from first principles and checked (not fitted) against FEBRL 1–4 and the Splink
 * fake_1000 set with offline-clustering.ts; there are no dataset-specific rules.
 */
export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  fields: {
    // Surnames are concentrated (Smith ~1 %, 王 ~7 %); a typo-close surname is nearly as telling
    // as an equal one because chance typo-closeness is rare.
    familyName: {
      exact: p(0.75, 0.004),
      normalized: p(0.75, 0.004),
      pinyin: p(0.72, 0.006),
      close: p(0.15, 0.001),
      partial: p(0.03, 0.003),
      different: p(0.05, 0.97),
    },
    // A wholly different given name is the main thing telling twins and siblings apart.
    givenName: {
      exact: p(0.72, 0.004),
      normalized: p(0.72, 0.004),
      pinyin: p(0.7, 0.006),
      close: p(0.12, 0.0015),
      partial: p(0.04, 0.008),
      different: p(0.03, 0.93),
    },
    // `exact` is the same registered name (trade name, industry, legal form, region affix), which
    // registries issue once: nearly an identifier. `normalized` is the same trade name and industry.
    orgName: {
      exact: p(0.5, 0.00000002),
      normalized: p(0.85, 0.0002),
      pinyin: p(0.8, 0.0004),
      close: p(0.08, 0.0005),
      partial: p(0.04, 0.005),
      different: p(0.02, 0.99),
    },
    // A branch and its head office (or two branches) are different customers by definition.
    orgBranch: { exact: p(0.99, 0.9), different: p(0.0001, 0.1) },
    orgRegion: { exact: p(0.95, 0.3), different: p(0.01, 0.7) },
    // Equal checksum-valid IDs are decisive; different valid IDs cannot be a typo.
    idVerified: { exact: p(0.98, 0.0000001), different: p(0.0001, 0.9999) },
    // No checksum (passport, FEBRL's social security number) or a failed one: typos happen.
    idUnverified: {
      exact: p(0.88, 0.000001),
      close: p(0.06, 0.0001),
      different: p(0.06, 0.99999),
    },
    // ~29,000 possible dates, but 1 January and placeholder dates are over-represented; a date one
    // digit off agrees with ~30 neighbours by chance, so it is worth much less than an equal one.
    birthDate: {
      exact: p(0.87, 0.0002),
      close: p(0.03, 0.002),
      partial: p(0.03, 0.006),
      different: p(0.03, 0.95),
    },
    gender: { exact: p(0.99, 0.5), different: p(0.01, 0.5) },
    // A mobile (or e-mail address) is personal: shared alone it links. Family members share one now
    // and then (parents register children), which disagreeing given names reveal
    // (household.sharedPhoneBits). A shared landline is household evidence (level `partial`). A
    // mobile one digit off (a typo) has a few hundred neighbours among a billion numbers.
    phone: {
      exact: p(0.9, 0.0000001),
      close: p(0.03, 0.000001),
      partial: p(0.8, 0.0005),
      different: p(0.3, 0.9999),
    },
    email: { exact: p(0.9, 0.0000001), close: p(0.1, 0.0001), different: p(0.3, 0.9999) },
    // People move: a different address is only mild evidence against.
    street: {
      exact: p(0.45, 0.0002),
      close: p(0.3, 0.0002),
      partial: p(0.2, 0.002),
      different: p(0.15, 0.998),
    },
    locality: {
      exact: p(0.7, 0.02),
      close: p(0.2, 0.006),
      partial: p(0.9, 0.2),
      different: p(0.15, 0.97),
    },
    postcode: { exact: p(0.8, 0.001), close: p(0.15, 0.015), different: p(0.15, 0.98) },
  },
  thresholds: { upper: 22, lower: 14 },
  similarity: { ...DEFAULT_SIMILARITY },
  termFrequency: { enabled: true, minPopulation: 500 },
  household: { maxBits: 19, minBits: -6, twinBirthDateBits: 5, sharedPhoneBits: 14 },
  genericKeyLimit: 100,
  maxCandidates: 50,
  partialKeyLimit: 10,
  sourceTrust: [],
  survivorshipOrder: ['validity', 'trust', 'frequency', 'recency', 'completeness'],
};
