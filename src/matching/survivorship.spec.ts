import type { CustomerRecordInput } from '../normalize/customer-record';
import { normalizeRecord } from '../normalize/normalize-record';
import { DEFAULT_MATCH_CONFIG } from './match-config';
import { buildGoldenRecord, type SurvivorInput, type SurvivorshipConfig } from './survivorship';

let day = 0;
function input(
  id: string,
  source: string,
  fields: Partial<CustomerRecordInput>,
  updated?: string,
): SurvivorInput {
  const raw: CustomerRecordInput = { source, sourceId: id, kind: 'person', ...fields };
  day += 1;
  return {
    sourceRecordId: id,
    source,
    updatedAt: new Date(updated ?? `2024-01-${String(day).padStart(2, '0')}T00:00:00Z`),
    raw,
    normalized: normalizeRecord(raw).record,
  };
}

const config: SurvivorshipConfig = { ...DEFAULT_MATCH_CONFIG, sourceTrust: ['crm', 'shop'] };

describe('buildGoldenRecord', () => {
  it('prefers a checksum-valid ID over an invalid one, whatever the source trust', () => {
    const golden = buildGoldenRecord(
      [
        input('a', 'crm', { name: '张伟', idNumber: '110105194912310021' }),
        input('b', 'pos', { name: '张伟', idNumber: '11010519491231002X' }),
      ],
      config,
    );
    expect(golden.idNumber).toEqual({
      value: { type: 'cn_resident', value: '11010519491231002X', valid: true },
      sourceRecordId: 'b',
      source: 'pos',
      rule: 'validity',
    });
  });

  it('prefers the more trusted source, then the more frequent, then the more recent value', () => {
    const records = [
      input('a', 'pos', { name: '张伟', birthDate: '1985-03-02' }, '2024-03-01T00:00:00Z'),
      input('b', 'shop', { name: '張偉', birthDate: '1985-03-05' }, '2024-01-01T00:00:00Z'),
      input('c', 'pos', { name: '张伟', birthDate: '1985-03-06' }, '2024-02-01T00:00:00Z'),
    ];
    const golden = buildGoldenRecord(records, config);
    expect(golden.birthDate).toMatchObject({
      value: '1985-03-05',
      sourceRecordId: 'b',
      rule: 'trust',
    });
    const untrusted = buildGoldenRecord(records, { ...config, sourceTrust: [] });
    expect(untrusted.birthDate).toMatchObject({
      value: '1985-03-02',
      sourceRecordId: 'a',
      rule: 'recency',
    });
  });

  it('counts equal values together (frequency) and keeps the best record as lineage', () => {
    const golden = buildGoldenRecord(
      [
        input('a', 'pos', { name: '王伟', gender: '男' }),
        input('b', 'pos', { name: '王伟', gender: '女' }),
        input('c', 'pos', { name: '王伟', gender: '男' }),
      ],
      config,
    );
    expect(golden.gender).toMatchObject({ value: 'M', sourceRecordId: 'c', rule: 'frequency' });
    expect(golden.name).toMatchObject({ value: '王伟', rule: 'unanimous' });
  });

  it('takes a steward’s pin above every rule', () => {
    const records = [input('a', 'crm', { name: '张伟' }), input('b', 'pos', { name: '张玮' })];
    const golden = buildGoldenRecord(records, config, {
      name: { value: '张玮', sourceRecordId: 'b' },
      birthDate: { value: '1985-03-02' },
    });
    expect(golden.name).toEqual({
      value: '张玮',
      sourceRecordId: 'b',
      source: 'pos',
      rule: 'pinned',
    });
    expect(golden.birthDate).toEqual({ value: '1985-03-02', source: 'steward', rule: 'pinned' });
  });

  it('merges phones and e-mails, best first, each with its lineage', () => {
    const golden = buildGoldenRecord(
      [
        input('a', 'pos', { name: '张伟', phones: ['010-88886666', '13812345678'] }),
        input('b', 'crm', { name: '张伟', phones: ['13812345678'], emails: ['zw@example.com'] }),
      ],
      config,
    );
    expect(golden.phones.map((p) => [p.value, p.sourceRecordId])).toEqual([
      ['+8613812345678', 'b'],
      ['+861088886666', 'a'],
    ]);
    expect(golden.emails).toEqual([
      { value: 'zw@example.com', sourceRecordId: 'b', source: 'crm', rule: 'unanimous' },
    ]);
  });

  it('falls back to completeness, then to the source record id', () => {
    const golden = buildGoldenRecord(
      [
        input('b', 'pos', { name: '王先生' }, '2024-01-01T00:00:00Z'),
        input('a', 'pos', { name: '王伟' }, '2024-01-01T00:00:00Z'),
      ],
      { ...config, survivorshipOrder: ['completeness'] },
    );
    expect(golden.name).toMatchObject({ value: '王伟', rule: 'completeness' });
    const tie = buildGoldenRecord(
      [
        input('b', 'pos', { name: '王伟' }, '2024-01-01T00:00:00Z'),
        input('a', 'pos', { name: '李娜' }, '2024-01-01T00:00:00Z'),
      ],
      { ...config, survivorshipOrder: [] },
    );
    expect(tie.name).toMatchObject({ value: '李娜', sourceRecordId: 'a', rule: 'tiebreak' });
  });

  it('derives birth date and gender from a valid resident ID', () => {
    const golden = buildGoldenRecord(
      [input('a', 'pos', { name: '张伟', idNumber: '11010519491231002X' })],
      config,
    );
    expect(golden.birthDate?.value).toBe('1949-12-31');
    expect(golden.gender?.value).toBe('F');
  });

  it('is deterministic whatever the input order', () => {
    const records = [
      input('a', 'pos', {
        name: '张伟',
        phones: ['13812345678'],
        address: '北京市朝阳区建国路88号',
      }),
      input('b', 'shop', {
        name: '张伟',
        phones: ['13912345678'],
        address: '北京市朝阳区建国路88号3单元502室',
      }),
      input('c', 'pos', { name: '张伟', phones: ['13712345678'] }),
    ];
    expect(buildGoldenRecord([...records].reverse(), config)).toEqual(
      buildGoldenRecord(records, config),
    );
  });

  it('builds organisations', () => {
    const golden = buildGoldenRecord(
      [
        input('a', 'erp', {
          kind: 'organization',
          name: '华为技术有限公司',
          idNumber: '91110000802100433B',
        }),
      ],
      config,
    );
    expect(golden).toMatchObject({ kind: 'organization', orgName: { value: '华为技术有限公司' } });
    expect(golden.name).toBeUndefined();
  });
});
