import { contentHash, stableJson } from './record-hashes';

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
});
