import fc from 'fast-check';
import {
  editDistance,
  isAdjacentTransposition,
  jaro,
  jaroWinkler,
  normalizedLevenshtein,
} from './string-similarity';

describe('jaroWinkler', () => {
  it.each([
    // Classic values from Winkler (1990) and the record-linkage literature.
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['jones', 'johnson', 0.832],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', '', 1],
    ['', 'abc', 0],
    ['zhang', 'zhang', 1],
    ['张伟', '张玮', 0.667], // below the boost threshold: Jaro only
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('gives no prefix bonus below the boost threshold', () => {
    expect(jaroWinkler('abcxyz', 'abqrst')).toBeCloseTo(jaro('abcxyz', 'abqrst'), 10);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const ab = jaroWinkler(a, b);
        expect(ab).toBe(jaroWinkler(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('editDistance / normalizedLevenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3, 1 - 3 / 7],
    ['flaw', 'lawn', 2, 0.5],
    ['', '', 0, 1],
    ['abc', '', 3, 0],
    ['王小明', '王晓明', 1, 2 / 3],
  ])('%s / %s', (a, b, distance, similarity) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(normalizedLevenshtein(a, b)).toBeCloseTo(similarity, 10);
  });
});

describe('isAdjacentTransposition', () => {
  it.each([
    ['jonh', 'john', true],
    ['19850302', '19580302', true],
    ['abcd', 'abcd', false],
    ['abcd', 'badc', false],
    ['abcd', 'acbd', true],
    ['abc', 'abcd', false],
    ['abcd', 'dbca', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(isAdjacentTransposition(a, b)).toBe(expected);
    expect(isAdjacentTransposition(b, a)).toBe(expected);
  });
});
