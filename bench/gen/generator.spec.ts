import { datasetsDir } from '../common/project-paths';
import { isValidResidentId, isValidUscc } from './checksums';
import { generateRecords, type GeneratorOptions } from './generator';
import { PERSON_GROUP_SHARES } from './hard-cases';
import type { GeneratedRecord } from './record-draft';
import { loadReferenceData, type ReferenceData } from './reference-data';
import { GeneratorStats } from './stats';

let ref: ReferenceData;
beforeAll(() => {
  ref = loadReferenceData(datasetsDir());
});

function generate(options: GeneratorOptions, stats?: GeneratorStats): GeneratedRecord[] {
  return [...generateRecords(options, ref, stats)];
}

const lines = (records: GeneratedRecord[]): string[] =>
  records.map((g) => JSON.stringify({ ...g.record, entityId: g.entityId }));

/** Upper case, no spaces: IDs are sometimes written with a lower-case x. */
const canonicalId = (id: string): string => id.replace(/\s/g, '').toUpperCase();

describe('synthetic generator', () => {
  const options: GeneratorOptions = { persons: 3000, orgs: 800, seed: 42 };
  let records: GeneratedRecord[];
  const stats = new GeneratorStats();
  beforeAll(() => {
    records = generate(options, stats);
  });

  it('writes the same records for the same seed', () => {
    expect(lines(generate(options))).toEqual(lines(records));
  });

  it('writes different records for another seed', () => {
    const other = lines(generate({ ...options, seed: 43 }));
    expect(other.slice(0, 50)).not.toEqual(lines(records).slice(0, 50));
  });

  it('creates exactly the requested persons and organisations', () => {
    const entities = new Set(records.map((g) => g.entityId));
    expect([...entities].filter((e) => e.startsWith('P'))).toHaveLength(3000);
    expect([...entities].filter((e) => e.startsWith('O'))).toHaveLength(800);
    expect(stats.summary().entities).toEqual({ persons: 3000, organizations: 800 });
  });

  it('gives every record a unique (source, sourceId) and a person or organisation kind', () => {
    const keys = new Set(records.map((g) => `${g.record.source}/${g.record.sourceId}`));
    expect(keys.size).toBe(records.length);
    for (const g of records)
      expect(g.record.kind).toBe(g.entityId.startsWith('P') ? 'person' : 'organization');
  });

  it('issues resident IDs and USCCs that pass their checksums in the valid share', () => {
    const valid = records.filter((g) => g.idValidity === 'valid');
    expect(valid.length).toBeGreaterThan(1000);
    for (const g of valid) {
      const id = canonicalId(g.record.idNumber as string);
      expect(g.record.kind === 'person' ? isValidResidentId(id) : isValidUscc(id)).toBe(true);
    }
  });

  it('makes the mistyped share fail its checksum', () => {
    const mistyped = records.filter((g) => g.idValidity === 'mistyped');
    expect(mistyped.length).toBeGreaterThan(10);
    for (const g of mistyped) {
      const id = canonicalId(g.record.idNumber as string);
      expect(g.record.kind === 'person' ? isValidResidentId(id) : isValidUscc(id)).toBe(false);
    }
  });

  it('gives one person one resident ID across all channels (mistyped copies aside)', () => {
    const idsByEntity = new Map<string, Set<string>>();
    for (const g of records.filter((r) => r.idValidity === 'valid')) {
      const ids = idsByEntity.get(g.entityId) ?? new Set<string>();
      ids.add(canonicalId(g.record.idNumber as string));
      idsByEntity.set(g.entityId, ids);
    }
    for (const ids of idsByEntity.values()) expect(ids.size).toBe(1);
  });

  it('realises the configured share of household members within a few points', () => {
    const { share } = stats.summary().entityHardCases.household;
    expect(Math.abs(share - PERSON_GROUP_SHARES.household)).toBeLessThan(0.03);
  });

  it('shows every channel and every record-level hard case', () => {
    const summary = stats.summary();
    expect(Object.keys(summary.recordsByChannel).sort()).toEqual([
      'app',
      'callcenter',
      'crm',
      'ecommerce',
      'erp',
      'store',
      'web',
    ]);
    expect(Object.keys(summary.recordHardCases).sort()).toEqual([
      'channel_duplicate', 'honorific_name', 'mistyped_id', 'old_address', 'old_phone',
      'pinyin_name', 'placeholder_phone', 'traditional', 'typo',
    ]); // prettier-ignore
  });
});
