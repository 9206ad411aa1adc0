import { randomUUID } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A checksum-valid 18-digit resident ID (GB 11643) for a division, birth date and sequence. */
export function residentId(division: string, birthDate: string, sequence: number): string {
  const body = `${division}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

const FAMILY = '王李张刘陈杨赵黄周吴徐孙马朱胡郭';
const GIVEN = [...'建国志强秀英桂兰明华丽娟海燕晓东春梅玉文博宇航子涵思远雨桐浩然欣'];

/**
 * A Chinese name with three given characters, one for each n modulo 2^19 (524,288 names), so
 * consecutive numbers never share a name and two random numbers practically never do. A shared
 * name lowers its term-frequency weight, and a shared name with a shared birth date scores as a
 * possible duplicate: tests in one database must not meet each other's people by accident.
 */
export function chineseName(n: number): string {
  return FAMILY[n % 16] + GIVEN[(n >> 4) % 32] + GIVEN[(n >> 9) % 32] + GIVEN[(n >> 14) % 32];
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
