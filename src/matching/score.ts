/**
 * Fellegi–Sunter scoring of one incoming record against one customer (all its source records):
 * per field the most informative level across the customer's records, its log2(m/u) weight, a
 * term-frequency correction for common names, the household corrections (household-correction.ts),
 * then the deterministic rules. Runs for every candidate of every resolve call, so comparisons
 * write into reused buffers; only the explanation lines themselves are allocated.
 */
import type { NormalizedRecord } from '../normalize/normalized-record';
import { COMPARISON_LEVELS, type ComparisonLevel, isSameValueLevel } from './comparison-level';
import {
  compareRecords,
  createFieldLevels,
  FIELD_COUNT,
  FIELD_INDEX,
  LEVEL_COUNT,
  LEVEL_INDEX,
} from './compare-records';
import { explanationValues, type ValueMode } from './explanation-values';
import { type BestLevels, householdCorrection } from './household-correction';
import { MATCH_FIELDS, type MatchConfig, type MatchField } from './match-config';
import { type CompiledWeights, compileWeights } from './match-weights';

export type MatchRule =
  'kind-mismatch' | 'same-verified-id' | 'conflicting-verified-id' | 'branch-mismatch';

/** Explanation lines: one per compared field, plus corrections that are not field comparisons. */
export type ExplanationField = MatchField | 'kind' | 'nameFrequency' | 'household';

export interface ExplanationItem {
  field: ExplanationField;
  level: ComparisonLevel;
  /** Bits this line adds to the score (negative = evidence against). */
  weight: number;
  /** The names matched crosswise (family ↔ given). */
  swapped?: boolean;
  /** [incoming record's value, candidate's value], masked unless asked otherwise. */
  values?: [string, string];
}

export interface ScoredCandidate {
  score: number;
  rule?: MatchRule;
  explanation: ExplanationItem[];
}

/** Customer counts behind the term-frequency correction. */
export interface TermFrequencies {
  /** Number of customers. */
  population: number;
  /** Customers (the candidate included) with this order-independent name key (pinyinKey). */
  nameCount(pinyinKey: string): number;
}

export interface ScoringContext {
  config: MatchConfig;
  termFrequencies?: TermFrequencies;
  /** Values in the explanation: omitted (default, fastest), masked for display, or plain. */
  values?: ValueMode;
}

/** Score of a person compared with an organisation: far below any threshold, finite for JSON. */
export const KIND_MISMATCH_SCORE = -1000;
/** A conflicting verified ID or branch keeps the score at least this far below the link threshold. */
const CONFLICT_MARGIN = 1;

const F = FIELD_INDEX;
const L = LEVEL_INDEX;
const NOT_SET = -1;

// Scratch buffers reused across calls: scoring is synchronous, so no two calls interleave.
const scratch = createFieldLevels();
const bestWeight = new Float64Array(FIELD_COUNT);
const bestLevel = new Uint8Array(FIELD_COUNT);
const bestRecord = new Int32Array(FIELD_COUNT);
const bestPresent = new Uint8Array(FIELD_COUNT);
const best: BestLevels = { level: bestLevel, weight: bestWeight, present: bestPresent };
let bestSwapped = false;

/**
 * Keeps, per field, the level with the highest weight among the customer's records, ignoring
 * `missing` while any record has a value: a record lacking a birth date does not hide another
 * record's conflicting one.
 */
function collectBestLevels(
  record: NormalizedRecord,
  candidate: readonly NormalizedRecord[],
  config: MatchConfig,
  weights: Float64Array,
): void {
  bestWeight.fill(Number.NEGATIVE_INFINITY);
  bestLevel.fill(L.missing);
  bestRecord.fill(NOT_SET);
  bestPresent.fill(0);
  bestSwapped = false;
  for (let r = 0; r < candidate.length; r++) {
    compareRecords(record, candidate[r], config.similarity, scratch);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const level = scratch.levels[f];
      if (level === L.missing) continue;
      const weight = weights[f * LEVEL_COUNT + level];
      if (weight <= bestWeight[f]) continue;
      bestWeight[f] = weight;
      bestLevel[f] = level;
      bestRecord[f] = r;
      bestPresent[f] = 1;
      if (f === F.familyName) bestSwapped = scratch.namesSwapped;
    }
  }
}

function fieldLines(
  record: NormalizedRecord,
  candidate: readonly NormalizedRecord[],
  mode: ValueMode,
): ExplanationItem[] {
  const lines: ExplanationItem[] = [];
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (bestRecord[f] === NOT_SET) continue;
    const field = MATCH_FIELDS[f];
    const line: ExplanationItem = {
      field,
      level: COMPARISON_LEVELS[bestLevel[f]],
      weight: bestWeight[f],
    };
    if (f === F.familyName && bestSwapped) line.swapped = true;
    if (mode !== 'omit') {
      line.values = explanationValues(field, record, candidate[bestRecord[f]], mode === 'masked');
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A shared full name says less when many customers carry it (王伟): the name's u becomes the
 * share of *other* customers with that name whenever that exceeds the configured u. Returns the
 * (non-positive) correction in bits.
 */
function nameFrequencyCorrection(
  record: NormalizedRecord,
  ctx: ScoringContext,
  compiled: CompiledWeights,
): number {
  const tf = ctx.termFrequencies;
  const settings = ctx.config.termFrequency;
  const key = record.personName?.pinyinKey;
  if (!tf || !settings.enabled || !key || tf.population < settings.minPopulation) return 0;
  const family = bestLevel[F.familyName];
  const given = bestLevel[F.givenName];
  if (!isSameValueLevel(COMPARISON_LEVELS[family]) || !isSameValueLevel(COMPARISON_LEVELS[given])) {
    return 0;
  }
  const others = Math.max(0, tf.nameCount(key) - 1) / tf.population;
  const configuredU =
    compiled.u[F.familyName * LEVEL_COUNT + family] * compiled.u[F.givenName * LEVEL_COUNT + given];
  return others > configuredU ? Math.log2(configuredU / others) : 0;
}

/**
 * Deterministic rules over the field levels. A shared checksum-valid ID links unless the birth date
 * or gender contradicts it (a guardian's ID entered for a child); a conflicting valid ID or a
 * branch / head-office mismatch can never link automatically, at most go to review.
 */
function applyRules(score: number, config: MatchConfig): { score: number; rule?: MatchRule } {
  const id = bestLevel[F.idVerified];
  const upper = config.thresholds.upper;
  if (id === L.exact && bestLevel[F.orgBranch] !== L.different) {
    const conflict = bestLevel[F.birthDate] === L.different || bestLevel[F.gender] === L.different;
    if (!conflict) return { score: Math.max(score, upper), rule: 'same-verified-id' };
  }
  if (id === L.different) {
    return { score: Math.min(score, upper - CONFLICT_MARGIN), rule: 'conflicting-verified-id' };
  }
  if (bestLevel[F.orgBranch] === L.different) {
    return { score: Math.min(score, upper - CONFLICT_MARGIN), rule: 'branch-mismatch' };
  }
  return { score };
}

function kindMismatch(record: NormalizedRecord, candidate: readonly NormalizedRecord[]): boolean {
  for (const other of candidate) if (other.kind !== record.kind) return true;
  return false;
}

export function scoreCandidate(
  record: NormalizedRecord,
  candidate: readonly NormalizedRecord[],
  ctx: ScoringContext,
): ScoredCandidate {
  if (kindMismatch(record, candidate)) {
    const line: ExplanationItem = {
      field: 'kind',
      level: 'different',
      weight: KIND_MISMATCH_SCORE,
    };
    return { score: KIND_MISMATCH_SCORE, rule: 'kind-mismatch', explanation: [line] };
  }
  const compiled = compileWeights(ctx.config);
  collectBestLevels(record, candidate, ctx.config, compiled.weights);
  const explanation = fieldLines(record, candidate, ctx.values ?? 'omit');
  let score = 0;
  for (const line of explanation) score += line.weight;
  const frequency = nameFrequencyCorrection(record, ctx, compiled);
  if (frequency < 0)
    explanation.push({ field: 'nameFrequency', level: 'exact', weight: frequency });
  const household = householdCorrection(best, ctx.config.household);
  if (household !== 0) explanation.push({ field: 'household', level: 'exact', weight: household });
  const ruled = applyRules(score + frequency + household, ctx.config);
  return ruled.rule ? { ...ruled, explanation } : { score: ruled.score, explanation };
}
