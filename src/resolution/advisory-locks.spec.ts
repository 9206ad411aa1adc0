import fc from 'fast-check';
import { lockIdsFor } from './advisory-locks';

describe('lockIdsFor', () => {
  it('gives the same ids for the same keys in any order, ascending and without duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (keys) => {
        const ids = lockIdsFor(keys);
        expect(lockIdsFor([...keys].reverse())).toEqual(ids);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
      }),
    );
  });

  it('keeps ids inside the reserved range', () => {
    for (const id of lockIdsFor(['phone:+8613800000000', 'name:weizhang', 'src:crm\u0000C-1'])) {
      expect(Number(id)).toBeGreaterThanOrEqual(2 ** 32);
      expect(Number(id)).toBeLessThan(2 ** 32 + 2 ** 48);
      expect(Number.isSafeInteger(Number(id))).toBe(true);
    }
  });

  it('keeps the keys of two unrelated import chunks apart', () => {
    // 2 x 2,000 keys, what two 200-row chunks lock: in a space of 2^20 ids about 4 would collide.
    const first = lockIdsFor(Array.from({ length: 2000 }, (_, i) => `phone:+861380000${i}`));
    const second = new Set(lockIdsFor(Array.from({ length: 2000 }, (_, i) => `email:${i}@qq.com`)));
    expect(first.filter((id) => second.has(id))).toEqual([]);
  });
});
