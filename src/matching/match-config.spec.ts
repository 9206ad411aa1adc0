import { COMPARISON_LEVELS } from './comparison-level';
import { DEFAULT_MATCH_CONFIG, MATCH_FIELDS } from './match-config';
import { applyMatchConfigOverride } from './match-config-override';
import { compileWeights } from './match-weights';

describe('DEFAULT_MATCH_CONFIG', () => {
  it('has probabilities in (0, 1] for every field and level', () => {
    for (const field of MATCH_FIELDS) {
      for (const level of COMPARISON_LEVELS) {
        const p = DEFAULT_MATCH_CONFIG.fields[field][level];
        if (!p) continue;
        expect(p.m).toBeGreaterThan(0);
        expect(p.u).toBeGreaterThan(0);
        expect(p.m).toBeLessThanOrEqual(1);
        expect(p.u).toBeLessThanOrEqual(1);
      }
    }
  });

  it('orders agreement above disagreement for every field', () => {
    const weight = (field: (typeof MATCH_FIELDS)[number], level: 'exact' | 'different') => {
      const p = DEFAULT_MATCH_CONFIG.fields[field][level];
      return p ? Math.log2(p.m / p.u) : 0;
    };
    for (const field of MATCH_FIELDS)
      expect(weight(field, 'exact')).toBeGreaterThan(weight(field, 'different'));
  });

  it('is accepted by its own validation', () => {
    expect(applyMatchConfigOverride({})).toEqual({ ok: true, config: DEFAULT_MATCH_CONFIG });
  });

  it('compiles to log2(m/u) weights and caches them per configuration', () => {
    const compiled = compileWeights(DEFAULT_MATCH_CONFIG);
    expect(compileWeights(DEFAULT_MATCH_CONFIG)).toBe(compiled);
    expect(Math.max(...compiled.weights)).toBeGreaterThan(20);
  });
});

describe('applyMatchConfigOverride', () => {
  it('merges a partial override over the defaults', () => {
    const result = applyMatchConfigOverride({
      thresholds: { upper: 25 },
      fields: { phone: { partial: { m: 0.5 } } },
      sourceTrust: ['crm', 'erp'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.thresholds).toEqual({
      upper: 25,
      lower: DEFAULT_MATCH_CONFIG.thresholds.lower,
    });
    expect(result.config.fields.phone.partial).toEqual({
      m: 0.5,
      u: DEFAULT_MATCH_CONFIG.fields.phone.partial?.u,
    });
    expect(result.config.fields.phone.exact).toEqual(DEFAULT_MATCH_CONFIG.fields.phone.exact);
    expect(result.config.sourceTrust).toEqual(['crm', 'erp']);
  });

  it.each([
    ['an unknown setting', { treshold: 1 }, 'config.treshold: unknown setting'],
    ['an unknown field', { fields: { shoeSize: {} } }, 'fields.shoeSize: unknown setting'],
    [
      'an unknown level',
      { fields: { phone: { similar: { m: 1 } } } },
      'fields.phone.similar: unknown setting',
    ],
    [
      'a zero probability',
      { fields: { phone: { exact: { u: 0 } } } },
      'fields.phone.exact.u: expected a number in',
    ],
    [
      'a probability above one',
      { fields: { email: { exact: { m: 1.5 } } } },
      'fields.email.exact.m: expected a number in',
    ],
    [
      'lower above upper',
      { thresholds: { lower: 30, upper: 20 } },
      'thresholds: lower must not exceed upper',
    ],
    ['a text threshold', { thresholds: { upper: '22' } }, 'thresholds.upper: expected a number'],
    ['a fractional key limit', { genericKeyLimit: 2.5 }, 'genericKeyLimit: expected an integer'],
    ['no candidates at all', { maxCandidates: 0 }, 'maxCandidates'],
    [
      'duplicate sources',
      { sourceTrust: ['crm', 'crm'] },
      'sourceTrust: expected a list of distinct strings',
    ],
    [
      'an unknown survivorship criterion',
      { survivorshipOrder: ['loudness'] },
      'survivorshipOrder: unknown value(s) loudness',
    ],
    [
      'a positive household floor',
      { household: { minBits: 3 } },
      'household.minBits: expected a number in',
    ],
    ['a non-object', 42, 'config: expected an object'],
    [
      'a negative minimum population',
      { termFrequency: { minPopulation: -1 } },
      'termFrequency.minPopulation: expected a number',
    ],
    [
      'a text switch',
      { termFrequency: { enabled: 'yes' } },
      'termFrequency.enabled: expected true or false',
    ],
    [
      'a similarity above one',
      { similarity: { closeJaroWinkler: 1.2 } },
      'similarity.closeJaroWinkler: expected a number in',
    ],
    [
      'partial above close',
      { similarity: { partialJaroWinkler: 0.95 } },
      'similarity: partialJaroWinkler must not exceed closeJaroWinkler',
    ],
  ])('rejects %s', (_, override, message) => {
    const result = applyMatchConfigOverride(override);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });
});
