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
      expect(Number(id)).toBeGreaterThanOrEqual(1_000_000_000);
      expect(Number(id)).toBeLessThan(1_000_000_000 + (1 << 20));
    }
  });
});
