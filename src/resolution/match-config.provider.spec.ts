import { DEFAULT_MATCH_CONFIG } from '../matching/match-config';
import { mergeMatchConfig } from './match-config.provider';

describe('mergeMatchConfig', () => {
  it('overrides thresholds and one field level, keeping every other default', () => {
    const merged = mergeMatchConfig(DEFAULT_MATCH_CONFIG, {
      thresholds: { upper: 25, lower: 15 },
      fields: { email: { exact: { m: 0.9, u: 0.0001 } } } as never,
      sourceTrust: ['erp', 'crm'],
    });
    expect(merged.thresholds).toEqual({ upper: 25, lower: 15 });
    expect(merged.fields.email.exact).toEqual({ m: 0.9, u: 0.0001 });
    expect(merged.fields.email.different).toEqual(DEFAULT_MATCH_CONFIG.fields.email.different);
    expect(merged.fields.familyName).toEqual(DEFAULT_MATCH_CONFIG.fields.familyName);
    expect(merged.sourceTrust).toEqual(['erp', 'crm']);
  });

  it('rejects an unknown field and crossed thresholds', () => {
    expect(() =>
      mergeMatchConfig(DEFAULT_MATCH_CONFIG, { fields: { shoeSize: {} } as never }),
    ).toThrow(/unknown field "shoeSize"/);
    expect(() =>
      mergeMatchConfig(DEFAULT_MATCH_CONFIG, { thresholds: { upper: 5, lower: 10 } }),
    ).toThrow(/lower/);
  });
});
