/**
 * ISO 7064 check characters for customer numbers. Both systems detect every single-character
 * substitution and every transposition of adjacent characters, the two common typing errors.
 */

/** Pure system MOD 11-2 over decimal digits; the check value 10 is written 'X' (as in resident IDs). */
export function mod11_2(digits: string): string {
  let p = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError('MOD 11-2 is defined over decimal digits only');
    p = ((p + d) * 2) % 11;
  }
  const check = (12 - p) % 11;
  return check === 10 ? 'X' : String(check);
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** Hybrid system MOD 37,36 over 0-9 and A-Z (upper case); the check character is one of those 36. */
export function mod37_36(text: string): string {
  let p = M;
  for (let i = 0; i < text.length; i++) {
    const value = ALPHANUMERIC.indexOf(text[i]);
    if (value < 0) throw new RangeError('MOD 37,36 is defined over 0-9 and A-Z only');
    let s = (p + value) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return ALPHANUMERIC[(M + 1 - p) % M];
}
