import fc from 'fast-check';
import type { BlockingKey } from './blocking-keys';
import { keyHash } from './key-hash';

describe('keyHash', () => {
  // Stored in blocking_keys.key_hash: a change here would make every stored key unreachable.
  it.each<[BlockingKey, number]>([
    [{ type: 'name', value: 'zhangwei' }, 6206004905431135],
    [{ type: 'phone', value: '+8613800138000' }, 4693769522666226],
    [{ type: 'nameLocality', value: 'zhangwei|110105' }, 7298724117203483],
    [{ type: 'email', value: 'li.na@example.cn' }, 6356051024629249],
    [{ type: 'orgCore', value: '张三' }, 3625582479240846],
    [{ type: 'name', value: '' }, 7182890009808855],
  ])('hashes %j to its pinned value', (key, expected) => {
    expect(keyHash(key)).toBe(expected);
  });

  it('tells the type from the value', () => {
    expect(keyHash({ type: 'name', value: 'x' })).not.toBe(keyHash({ type: 'email', value: 'x' }));
  });

  it('is a safe integer of at most 53 bits, the same each time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('name', 'phone', 'email', 'id'),
        fc.string({ unit: 'grapheme' }),
        (type, value) => {
          const key = { type, value } as BlockingKey;
          const hash = keyHash(key);
          return Number.isSafeInteger(hash) && hash >= 0 && hash === keyHash({ ...key });
        },
      ),
    );
  });

  it('spreads 100,000 distinct keys without a collision', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++)
      seen.add(keyHash({ type: 'nameLocality', value: `wang|${i}` }));
    expect(seen.size).toBe(100_000);
  });
});
