/**
 * Validation of a partial match-configuration override (from a config file or the environment)
 * merged over the defaults. Every problem is reported with its path, so a bad deployment fails at
 * start-up with a readable message instead of matching with a nonsensical weight.
 */
import { COMPARISON_LEVELS, type ComparisonLevel } from './comparison-level';
import {
  DEFAULT_MATCH_CONFIG,
  type FieldLevelProbabilities,
  MATCH_FIELDS,
  type MatchConfig,
  type MatchField,
} from './match-config';
import { SURVIVORSHIP_CRITERIA, type SurvivorshipCriterion } from './survivorship-ranking';

export type OverrideResult = { ok: true; config: MatchConfig } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Reader {
  readonly errors: string[] = [];

  object(value: unknown, path: string, allowed: readonly string[]): Json {
    if (!isObject(value)) {
      this.errors.push(`${path}: expected an object`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.errors.push(`${path}.${key}: unknown setting`);
    }
    return value;
  }

  number(value: unknown, path: string, fallback: number, min = -Infinity, max = Infinity): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.errors.push(`${path}: expected a number in [${min}, ${max}]`);
      return fallback;
    }
    return value;
  }

  integer(value: unknown, path: string, fallback: number, min: number): number {
    const n = this.number(value, path, fallback, min);
    if (!Number.isInteger(n)) this.errors.push(`${path}: expected an integer`);
    return n;
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.errors.push(`${path}: expected true or false`);
    return fallback;
  }

  strings<T extends string>(value: unknown, path: string, fallback: T[], only?: readonly T[]): T[] {
    if (value === undefined) return fallback;
    const ok = Array.isArray(value) && value.every((v) => typeof v === 'string');
    if (!ok || new Set(value).size !== value.length) {
      this.errors.push(`${path}: expected a list of distinct strings`);
      return fallback;
    }
    const bad = only ? value.filter((v) => !only.includes(v as T)) : [];
    if (bad.length > 0) this.errors.push(`${path}: unknown value(s) ${bad.join(', ')}`);
    return value as T[];
  }
}

/** A probability must be in (0, 1]: 0 would make the weight infinite. */
const PROBABILITY_MIN = Number.MIN_VALUE;

function readField(r: Reader, value: unknown, path: string, base: FieldLevelProbabilities) {
  const levels = r.object(value, path, COMPARISON_LEVELS);
  const merged: FieldLevelProbabilities = { ...base };
  for (const level of Object.keys(levels) as ComparisonLevel[]) {
    const at = `${path}.${level}`;
    const given = r.object(levels[level], at, ['m', 'u']);
    const fallback = base[level] ?? { m: 1, u: 1 };
    merged[level] = {
      m: r.number(given.m, `${at}.m`, fallback.m, PROBABILITY_MIN, 1),
      u: r.number(given.u, `${at}.u`, fallback.u, PROBABILITY_MIN, 1),
    };
  }
  return merged;
}

function readFields(r: Reader, value: unknown, base: MatchConfig['fields']) {
  if (value === undefined) return base;
  const given = r.object(value, 'fields', MATCH_FIELDS);
  const merged = { ...base };
  for (const field of Object.keys(given) as MatchField[]) {
    if (MATCH_FIELDS.includes(field)) {
      merged[field] = readField(r, given[field], `fields.${field}`, base[field]);
    }
  }
  return merged;
}

interface Bounds {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A section of numbers: each key read with its bounds, missing keys kept from `base`. */
function readNumbers<T extends object>(
  r: Reader,
  value: unknown,
  path: string,
  base: T,
  bounds: Record<keyof T, Bounds>,
): T {
  if (value === undefined) return base;
  const given = r.object(value, path, Object.keys(bounds));
  const merged = { ...base };
  for (const key of Object.keys(bounds) as Array<keyof T & string>) {
    const { min = -Infinity, max = Infinity, integer = false } = bounds[key];
    const fallback = base[key] as number;
    const at = `${path}.${key}`;
    const n = r.number(given[key], at, fallback, min, max);
    if (integer && !Number.isInteger(n)) r.errors.push(`${at}: expected an integer`);
    (merged[key] as number) = n;
  }
  return merged;
}

function readTermFrequency(r: Reader, value: unknown, base: MatchConfig['termFrequency']) {
  if (value === undefined) return base;
  const given = r.object(value, 'termFrequency', ['enabled', 'minPopulation']);
  const path = 'termFrequency.minPopulation';
  return {
    enabled: r.boolean(given.enabled, 'termFrequency.enabled', base.enabled),
    minPopulation: r.integer(given.minPopulation, path, base.minPopulation, 0),
  };
}

function readSections(r: Reader, o: Json, base: MatchConfig): MatchConfig {
  return {
    fields: readFields(r, o.fields, base.fields),
    thresholds: readNumbers(r, o.thresholds, 'thresholds', base.thresholds, {
      upper: {},
      lower: {},
    }),
    similarity: readNumbers(r, o.similarity, 'similarity', base.similarity, {
      closeJaroWinkler: { min: 0, max: 1 },
      partialJaroWinkler: { min: 0, max: 1 },
    }),
    termFrequency: readTermFrequency(r, o.termFrequency, base.termFrequency),
    household: readNumbers(r, o.household, 'household', base.household, {
      maxBits: { min: 0 },
      minBits: { max: 0 },
      twinBirthDateBits: { min: 0 },
      sharedPhoneBits: { min: 0 },
    }),
    genericKeyLimit: r.integer(o.genericKeyLimit, 'genericKeyLimit', base.genericKeyLimit, 1),
    maxCandidates: r.integer(o.maxCandidates, 'maxCandidates', base.maxCandidates, 1),
    partialKeyLimit: r.integer(o.partialKeyLimit, 'partialKeyLimit', base.partialKeyLimit, 0),
    sourceTrust: r.strings(o.sourceTrust, 'sourceTrust', base.sourceTrust),
    survivorshipOrder: r.strings<SurvivorshipCriterion>(
      o.survivorshipOrder,
      'survivorshipOrder',
      base.survivorshipOrder,
      SURVIVORSHIP_CRITERIA,
    ),
  };
}

const TOP_LEVEL: ReadonlyArray<keyof MatchConfig> = [
  'fields',
  'thresholds',
  'similarity',
  'termFrequency',
  'household',
  'genericKeyLimit',
  'maxCandidates',
  'partialKeyLimit',
  'sourceTrust',
  'survivorshipOrder',
];

/** Merges `override` (parsed JSON, any subset of MatchConfig) over `base` and validates the result. */
export function applyMatchConfigOverride(
  override: unknown,
  base: MatchConfig = DEFAULT_MATCH_CONFIG,
): OverrideResult {
  const r = new Reader();
  const config = readSections(r, r.object(override ?? {}, 'config', TOP_LEVEL), base);
  if (config.thresholds.lower > config.thresholds.upper) {
    r.errors.push('thresholds: lower must not exceed upper');
  }
  if (config.similarity.partialJaroWinkler > config.similarity.closeJaroWinkler) {
    r.errors.push('similarity: partialJaroWinkler must not exceed closeJaroWinkler');
  }
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, config };
}
