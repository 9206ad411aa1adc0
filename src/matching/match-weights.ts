/**
 * The match configuration compiled into flat lookup tables (field × level → bits), built once per
 * configuration object and cached, so scoring does no object lookups or logarithms per candidate.
 */
import { COMPARISON_LEVELS } from './comparison-level';
import { FIELD_COUNT, LEVEL_COUNT } from './compare-records';
import { MATCH_FIELDS, type MatchConfig } from './match-config';

export interface CompiledWeights {
  /** log2(m / u) at [field * LEVEL_COUNT + level]; 0 where the level has no entry. */
  weights: Float64Array;
  m: Float64Array;
  u: Float64Array;
}

const cache = new WeakMap<MatchConfig, CompiledWeights>();

export function compileWeights(config: MatchConfig): CompiledWeights {
  const cached = cache.get(config);
  if (cached) return cached;
  const size = FIELD_COUNT * LEVEL_COUNT;
  const compiled: CompiledWeights = {
    weights: new Float64Array(size),
    m: new Float64Array(size).fill(1),
    u: new Float64Array(size).fill(1),
  };
  MATCH_FIELDS.forEach((field, f) => {
    COMPARISON_LEVELS.forEach((level, l) => {
      const probabilities = config.fields[field][level];
      if (!probabilities || level === 'missing') return;
      const at = f * LEVEL_COUNT + l;
      compiled.m[at] = probabilities.m;
      compiled.u[at] = probabilities.u;
      compiled.weights[at] = Math.log2(probabilities.m / probabilities.u);
    });
  });
  cache.set(config, compiled);
  return compiled;
}
