import { mod11_2, mod37_36 } from './check-character';

describe('mod11_2', () => {
  it.each([
    // Resident ID numbers use ISO 7064 MOD 11-2 over their first 17 digits.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['0794', '0'], // ISO 7064 example
    ['', '1'],
  ])('%s → %s', (digits, check) => {
    expect(mod11_2(digits)).toBe(check);
  });

  it('rejects non-digits', () => {
    expect(() => mod11_2('12A')).toThrow(RangeError);
  });
});

describe('mod37_36', () => {
  it('yields one character of 0-9 A-Z and rejects other input', () => {
    expect(mod37_36('111000000042')).toMatch(/^[0-9A-Z]$/);
    expect(() => mod37_36('ab')).toThrow(RangeError);
  });

  it('detects every single substitution of a sample', () => {
    const body = '1110000000427';
    const check = mod37_36(body);
    for (let i = 0; i < body.length; i++) {
      for (const digit of '0123456789') {
        if (digit === body[i]) continue;
        const changed = body.slice(0, i) + digit + body.slice(i + 1);
        expect(mod37_36(changed)).not.toBe(check);
      }
    }
  });
});
