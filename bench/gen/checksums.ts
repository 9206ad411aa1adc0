/**
 * Check characters of Chinese identifiers, written from the standards so the generator does not
 * share code (or bugs) with the engine's validators:
 * - resident identity number, GB 11643-1999, ISO 7064 MOD 11-2;
 * - organisation code, GB 11714-1997 (digits 9–17 of a USCC);
 * - unified social credit code, GB 32100-2015, MOD 31 over a 31-character alphabet.
 */
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** Check character of the first 17 digits of a resident ID. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('resident ID body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i];
  return RESIDENT_CHECK[sum % 11];
}

export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** GB 32100 alphabet: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('USCC body must be 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`character ${first17[i]} is not in the USCC alphabet`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body (digits, A=10 … Z=35). */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error('organisation code body must be 8 of 0-9A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}
