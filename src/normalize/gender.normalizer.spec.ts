import fc from 'fast-check';
import { normalizeGender } from './gender.normalizer';

describe('normalizeGender', () => {
  it.each([
    ['男', 'M'],
    ['女', 'F'],
    ['男性', 'M'],
    ['女士', 'F'],
    ['先生', 'M'],
    ['小姐', 'F'],
    ['M', 'M'],
    ['f', 'F'],
    [' Male ', 'M'],
    ['FEMALE', 'F'],
    ['1', 'M'],
    ['2', 'F'],
    ['Ｍ', 'M'],
    ['Mrs.', 'F'],
  ])('%j → %s', (raw, gender) => {
    expect(normalizeGender(raw)).toEqual({ value: gender });
  });

  it.each(['', ' ', 'unknown', 'U', '0', '9', '未知', '保密', 'N/A'])(
    '%j is no gender and no issue',
    (raw) => {
      expect(normalizeGender(raw)).toEqual({});
    },
  );

  it.each(['maybe', '3', '中'])('%j is reported', (raw) => {
    expect(normalizeGender(raw)).toEqual({ issue: 'INVALID_GENDER' });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => void normalizeGender(raw)));
  });
});
