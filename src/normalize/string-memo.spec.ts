import fc from 'fast-check';
import { memoizeByString } from './string-memo';

describe('memoizeByString', () => {
  it('computes each string once while it is remembered', () => {
    const seen: string[] = [];
    const upper = memoizeByString((s) => {
      seen.push(s);
      return s.toUpperCase();
    }, 10);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('remembers the last `capacity` distinct strings and forgets older ones', () => {
    let computed = 0;
    const length = memoizeByString((s) => {
      computed++;
      return s.length;
    }, 2);
    for (const s of ['a', 'bb', 'ccc']) length(s);
    // 'a' and 'bb' filled the young generation; 'ccc' moved them to the old one, still remembered.
    expect(computed).toBe(3);
    length('a');
    length('bb');
    expect(computed).toBe(3);
    // Two more generations later 'ccc' is forgotten and computed again.
    for (const s of ['d', 'e', 'f', 'g', 'h']) length(s);
    computed = 0;
    length('ccc');
    expect(computed).toBe(1);
  });

  it('answers exactly as the function does, whatever the order of inputs', () => {
    const reverse = (s: string) => [...s].reverse().join('');
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), (inputs) => {
        const memo = memoizeByString(reverse, 3);
        return inputs.every((s) => memo(s) === reverse(s));
      }),
    );
  });
});
