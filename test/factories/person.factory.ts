import { randomUUID } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A checksum-valid 18-digit resident ID (GB 11643) for a division, birth date and sequence. */
export function residentId(division: string, birthDate: string, sequence: number): string {
  const body = `${division}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

/** A unique-looking mobile number from a seed, so tests never collide in a shared database. */
export function mobile(seed: number): string {
  return `139${String(10_000_000 + (seed % 89_999_999)).padStart(8, '0')}`;
}

export function uniqueSeed(): number {
  return Number.parseInt(randomUUID().replace(/-/g, '').slice(0, 7), 16);
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
