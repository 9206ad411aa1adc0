import type { NormalizedRecord } from '../normalize/normalized-record';
import { buildGoldenRecord, type SurvivorInput } from './survivorship';

const person = (over: Partial<NormalizedRecord>): NormalizedRecord => ({
  kind: 'person',
  phones: [],
  emails: [],
  ...over,
});
const input = (
  id: string,
  source: string,
  daysAgo: number,
  normalized: NormalizedRecord,
): SurvivorInput => ({
  sourceRecordId: id,
  source,
  updatedAt: new Date(Date.UTC(2026, 0, 31 - daysAgo)),
  raw: { source, sourceId: id, kind: 'person' },
  normalized,
});
const id = (value: string, valid: boolean): NormalizedRecord['id'] => ({
  type: 'cn_resident',
  value,
  valid,
});

describe('buildGoldenRecord', () => {
  it('prefers a checksum-valid ID over an invalid one from a more trusted source', () => {
    const golden = buildGoldenRecord(
      [
        input('1', 'crm', 0, person({ id: id('BAD', false) })),
        input('2', 'web', 5, person({ id: id('GOOD', true) })),
      ],
      ['crm', 'web'],
    );
    expect(golden.idNumber).toEqual({
      value: { type: 'cn_resident', value: 'GOOD' },
      sourceRecordId: '2',
      source: 'web',
      rule: 'validity',
    });
  });

  it('prefers the more trusted source, then the more frequent value, then the most recent', () => {
    const trust = buildGoldenRecord(
      [
        input('1', 'web', 0, person({ birthDate: '1985-03-02' })),
        input('2', 'erp', 9, person({ birthDate: '1985-02-03' })),
      ],
      ['erp'],
    );
    expect(trust.birthDate).toMatchObject({ value: '1985-02-03', rule: 'source-trust' });
    const frequent = buildGoldenRecord(
      [
        input('1', 'a', 0, person({ gender: 'F' })),
        input('2', 'b', 3, person({ gender: 'M' })),
        input('3', 'c', 4, person({ gender: 'M' })),
      ],
      [],
    );
    expect(frequent.gender).toMatchObject({ value: 'M', rule: 'frequency' });
    const recent = buildGoldenRecord(
      [
        input('1', 'a', 9, person({ birthDate: '1990-01-01' })),
        input('2', 'b', 1, person({ birthDate: '1990-01-02' })),
      ],
      [],
    );
    expect(recent.birthDate).toMatchObject({
      value: '1990-01-02',
      sourceRecordId: '2',
      rule: 'recency',
    });
  });

  it('unions phones, most frequent first, each with its lineage', () => {
    const p = (e164: string) => ({ e164, type: 'mobile' as const, valid: true });
    const golden = buildGoldenRecord(
      [
        input('1', 'a', 0, person({ phones: [p('+8613800000001')] })),
        input('2', 'b', 0, person({ phones: [p('+8613800000002'), p('+8613800000001')] })),
      ],
      [],
    );
    expect(golden.phones).toEqual([
      expect.objectContaining({ value: '+8613800000001' }),
      expect.objectContaining({ value: '+8613800000002', sourceRecordId: '2' }),
    ]);
  });

  it('keeps a pinned value whatever the records say', () => {
    const golden = buildGoldenRecord(
      [input('1', 'a', 0, person({ birthDate: '1985-03-02' }))],
      [],
      { birthDate: { value: '1985-03-20' } },
    );
    expect(golden.birthDate).toEqual({
      value: '1985-03-20',
      sourceRecordId: null,
      source: null,
      rule: 'pinned',
    });
  });

  it('is deterministic whatever the order of the records', () => {
    const records = [
      input('2', 'a', 0, person({ gender: 'F' })),
      input('1', 'a', 0, person({ gender: 'M' })),
    ];
    expect(buildGoldenRecord(records, [])).toEqual(buildGoldenRecord([...records].reverse(), []));
  });
});
