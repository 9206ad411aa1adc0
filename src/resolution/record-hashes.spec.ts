import fc from 'fast-check';
import type { CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { contentHash, identityHash, stableJson } from './record-hashes';

/** The first implementation, kept as the definition the faster one must match exactly. */
function referenceStableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceStableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceStableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('record hashes', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: [3, { y: 1, x: 2 }] }, '{"a":[3,{"x":2,"y":1}]}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['张伟', '"张伟"'],
  ])('stableJson(%p) = %s', (value, expected) => {
    expect(stableJson(value)).toBe(expected);
  });

  it('hashes the same record equally whatever its key order, and a changed record differently', () => {
    const a = contentHash({ source: 'crm', sourceId: '1', kind: 'person', name: '张伟' });
    const b = contentHash({ name: '张伟', kind: 'person', sourceId: '1', source: 'crm' });
    const c = contentHash({
      source: 'crm',
      sourceId: '1',
      kind: 'person',
      name: '张伟',
      phones: ['1'],
    });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('serialises any JSON value exactly as the first implementation did', () => {
    const withUndefined = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), fc.option(tie('value'), { nil: undefined }), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(withUndefined, (value) => {
        expect(stableJson(value)).toBe(referenceStableJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the hashes stored by earlier versions (a record sent again stays "unchanged")', () => {
    const input = {
      source: 'crm',
      sourceId: 'C-000123',
      kind: 'person',
      name: '張偉',
      phones: ['+86 138 0013 8000'],
      address: { city: '北京市', line1: '建国路88号' },
      attributes: { tier: 'gold', 'quote"d': [1, null, { z: 1, a: 'x' }] },
    } as unknown as CustomerRecordInput;
    expect(contentHash(input)).toBe(
      'e8a6b7df8d85dbe4e57c948d5e50e23d78db79d57eb6d6ef090358c5a8122898',
    );
    const normalized = {
      personName: { full: '张伟', pinyin: 'zhang wei' },
      phones: [{ e164: '+8613800138000' }],
      emails: [],
    } as unknown as NormalizedRecord;
    expect(identityHash(normalized)).toBe(
      '851d469da811e01327174bb0ef3a819980ae72659e3db453fb889ed9b1baf379',
    );
  });
});
