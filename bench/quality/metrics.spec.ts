import fc from 'fast-check';
import { countLinkedPairs, scoreClustering } from './metrics';
import { naiveScores } from './metrics.independent';

/** Builds truth and prediction maps from "record:entity:cluster" triples. */
function clustering(spec: string): { truth: Map<string, string>; predicted: Map<string, string> } {
  const truth = new Map<string, string>();
  const predicted = new Map<string, string>();
  for (const triple of spec.split(' ').filter(Boolean)) {
    const [record, entity, cluster] = triple.split(':');
    truth.set(record, entity);
    predicted.set(record, cluster);
  }
  return { truth, predicted };
}

describe('scoreClustering on hand-computed clusterings', () => {
  it.each([
    {
      name: 'one wrong record joins another entity and one is left out',
      spec: 'a:1:X b:1:X c:2:X d:2:Y',
      pairwise: { tp: 1, fp: 2, fn: 1, precision: 1 / 3, recall: 1 / 2, f1: 0.4 },
      // per record P: 2/3, 2/3, 1/3, 1; R: 1, 1, 1/2, 1/2
      bcubed: { precision: 2 / 3, recall: 3 / 4, f1: 12 / 17 },
      counts: { records: 4, entities: 2, clusters: 2 },
    },
    {
      name: 'nothing linked: precision is vacuously perfect',
      spec: 'a:1:X b:1:Y c:2:Z',
      pairwise: { tp: 0, fp: 0, fn: 1, precision: 1, recall: 0, f1: 0 },
      bcubed: { precision: 1, recall: 2 / 3, f1: 0.8 },
      counts: { records: 3, entities: 2, clusters: 3 },
    },
    {
      name: 'everything in one customer, all true singletons',
      spec: 'a:1:X b:2:X c:3:X d:4:X',
      pairwise: { tp: 0, fp: 6, fn: 0, precision: 0, recall: 1, f1: 0 },
      bcubed: { precision: 1 / 4, recall: 1, f1: 0.4 },
      counts: { records: 4, entities: 4, clusters: 1 },
    },
    {
      name: 'perfect clustering under different labels',
      spec: 'a:1:Q b:1:Q c:1:Q d:2:R e:3:S e2:3:S',
      pairwise: { tp: 4, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 },
      bcubed: { precision: 1, recall: 1, f1: 1 },
      counts: { records: 6, entities: 3, clusters: 3 },
    },
    {
      name: 'an entity split in two customers',
      spec: 'a:1:X b:1:X c:1:Y d:1:Y',
      pairwise: { tp: 2, fp: 0, fn: 4, precision: 1, recall: 1 / 3, f1: 0.5 },
      bcubed: { precision: 1, recall: 1 / 2, f1: 2 / 3 },
      counts: { records: 4, entities: 1, clusters: 2 },
    },
  ])('$name', ({ spec, pairwise, bcubed, counts }) => {
    const { truth, predicted } = clustering(spec);
    const scores = scoreClustering(truth, predicted);
    expect(scores).toMatchObject(counts);
    expect(scores.pairwise.tp).toBe(pairwise.tp);
    expect(scores.pairwise.fp).toBe(pairwise.fp);
    expect(scores.pairwise.fn).toBe(pairwise.fn);
    for (const key of ['precision', 'recall', 'f1'] as const) {
      expect(scores.pairwise[key]).toBeCloseTo(pairwise[key], 12);
      expect(scores.bcubed[key]).toBeCloseTo(bcubed[key], 12);
    }
  });

  it('refuses a prediction that misses a record', () => {
    const { truth } = clustering('a:1:X b:1:X');
    expect(() =>
      scoreClustering(
        truth,
        new Map([
          ['a', 'X'],
          ['c', 'X'],
        ]),
      ),
    ).toThrow(/record b/);
  });

  it('counts linked pairs of a labelling', () => {
    expect(countLinkedPairs(clustering('a:1:X b:1:X c:1:Y d:2:Y').truth)).toBe(3);
  });
});

describe('scoreClustering against the independent pair-by-pair count', () => {
  const labelled = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
      maxLength: 60,
    })
    .map((rows) => {
      const truth = new Map<string, string>();
      const predicted = new Map<string, string>();
      rows.forEach(([entity, cluster], i) => {
        truth.set(`r${i}`, `e${entity}`);
        predicted.set(`r${i}`, `c${cluster}`);
      });
      return { truth, predicted };
    });

  it('figures agree with an independent count of the same clustering', () => {
    fc.assert(
      fc.property(labelled, ({ truth, predicted }) => {
        const fast = scoreClustering(truth, predicted);
        const naive = naiveScores(truth, predicted);
        expect(fast.pairwise.tp).toBe(naive.pairwise.tp);
        expect(fast.pairwise.fp).toBe(naive.pairwise.fp);
        expect(fast.pairwise.fn).toBe(naive.pairwise.fn);
        expect(fast.entities).toBe(naive.entities);
        expect(fast.clusters).toBe(naive.clusters);
        for (const key of ['precision', 'recall', 'f1'] as const) {
          expect(fast.pairwise[key]).toBeCloseTo(naive.pairwise[key], 10);
          expect(fast.bcubed[key]).toBeCloseTo(naive.bcubed[key], 10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is symmetric: swapping truth and prediction swaps precision and recall', () => {
    fc.assert(
      fc.property(labelled, ({ truth, predicted }) => {
        const forward = scoreClustering(truth, predicted);
        const backward = scoreClustering(predicted, truth);
        expect(backward.pairwise.precision).toBeCloseTo(forward.pairwise.recall, 12);
        expect(backward.bcubed.recall).toBeCloseTo(forward.bcubed.precision, 12);
      }),
    );
  });
});
