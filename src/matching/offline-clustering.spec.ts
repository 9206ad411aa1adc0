import type { CustomerRecordInput } from '../normalize/customer-record';
import { normalizeRecord } from '../normalize/normalize-record';
import { DEFAULT_MATCH_CONFIG } from './match-config';
import { clusterOffline, pairwiseQuality } from './offline-clustering';

const person = (fields: Partial<CustomerRecordInput>) =>
  normalizeRecord({ source: 'test', sourceId: '1', kind: 'person', ...fields }).record;

describe('clusterOffline', () => {
  it('resolves records one by one into customers', () => {
    const records = [
      person({ name: '张伟', phones: ['13812345678'] }),
      person({ name: '李娜', phones: ['13912345678'] }),
      person({ name: 'Wei Zhang', phones: ['+86 138 1234 5678'] }),
      person({ name: '张伟', idNumber: '11010519491231002X' }),
      person({ name: '張偉', idNumber: '11010519491231002X', phones: ['13812345678'] }),
    ];
    const result = clusterOffline(records, { config: DEFAULT_MATCH_CONFIG });
    // The 4th record shares only the name with customer 0: a review, kept apart. The 5th reaches
    // the link threshold with customers 0 and 2: it links to the better one (same resident ID)
    // and proposes merging the two.
    expect([...result.customerOf]).toEqual([0, 1, 0, 2, 2]);
    expect(result).toMatchObject({
      customerCount: 3,
      links: 2,
      reviews: 1,
      creates: 2,
      mergeProposals: [[2, 0]],
    });
  });

  it('applies merge proposals when asked', () => {
    const records = [
      person({ name: '张伟', phones: ['13812345678'] }),
      person({ name: '张伟', idNumber: '11010519491231002X' }),
      person({ name: '張偉', idNumber: '11010519491231002X', phones: ['13812345678'] }),
    ];
    const result = clusterOffline(records, { config: DEFAULT_MATCH_CONFIG, applyMerges: true });
    expect(new Set(result.customerOf).size).toBe(1);
  });

  it('never scores a customer sharing only a mobile prefix', () => {
    const records = [
      person({ name: '李雷', phones: ['13912345678'] }),
      person({ name: '韩梅梅', phones: ['13912340000'] }),
      person({ name: '李雷', phones: ['13912340001'] }),
    ];
    const result = clusterOffline(records, { config: DEFAULT_MATCH_CONFIG });
    // The second shares only the prefix with the first; the third shares it and the name with the
    // first, and only the prefix with the second.
    expect([...result.candidatesOf]).toEqual([0, 0, 1]);
  });

  describe('a name alone, as the service reads candidates (PARTIAL_KEY_TYPES)', () => {
    const namesakes = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        person({ name: '张伟', emails: [`p${i}@example.com`] }),
      );
    const { partialKeyLimit } = DEFAULT_MATCH_CONFIG;

    it('finds the customers of a name few customers have', () => {
      const before = clusterOffline(namesakes(3), { config: DEFAULT_MATCH_CONFIG });
      const after = clusterOffline(namesakes(4), { config: DEFAULT_MATCH_CONFIG });
      expect(after.customerCount).toBe(4);
      expect(after.comparisons - before.comparisons).toBe(3);
    });

    it('no longer scores the customers of a name more than partialKeyLimit have', () => {
      const before = clusterOffline(namesakes(partialKeyLimit + 1), {
        config: DEFAULT_MATCH_CONFIG,
      });
      const after = clusterOffline(namesakes(partialKeyLimit + 2), {
        config: DEFAULT_MATCH_CONFIG,
      });
      expect(after.comparisons).toBe(before.comparisons);
      expect(after.creates - before.creates).toBe(1);
    });

    it('still scores a namesake that shares another key', () => {
      const records = [
        ...namesakes(partialKeyLimit + 1),
        person({ name: '张伟', emails: ['p0@example.com'] }),
      ];
      const result = clusterOffline(records, { config: DEFAULT_MATCH_CONFIG });
      expect(result.customerOf[records.length - 1]).toBe(result.customerOf[0]);
    });
  });
});

describe('pairwiseQuality', () => {
  it.each([
    ['a perfect clustering', [0, 0, 1], ['a', 'a', 'b'], { precision: 1, recall: 1, f1: 1 }],
    ['one missed pair', [0, 1, 2], ['a', 'a', 'b'], { precision: 1, recall: 0, f1: 0 }],
    ['one false pair', [0, 0, 0], ['a', 'a', 'b'], { precision: 1 / 3, recall: 1, f1: 0.5 }],
    ['no pairs at all', [0, 1], ['a', 'b'], { precision: 1, recall: 1, f1: 1 }],
  ])('%s', (_, predicted, truth, expected) => {
    const quality = pairwiseQuality(predicted, truth);
    expect(quality.precision).toBeCloseTo(expected.precision, 10);
    expect(quality.recall).toBeCloseTo(expected.recall, 10);
    expect(quality.f1).toBeCloseTo(expected.f1, 10);
  });
});
