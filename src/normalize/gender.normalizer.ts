/**
 * Gender values → 'M' | 'F'. Codes 1 / 2 follow GB/T 2261.1; 0 and 9 (unknown, unspecified) and
 * words for "unknown" give no gender without an issue, anything else unrecognised is an issue.
 */
import type { Gender } from './normalized-record';
import type { Normalized } from './field-issues';

const GENDERS: ReadonlyMap<string, Gender> = new Map([
  ...['m', 'male', 'man', 'boy', 'mr', 'gentleman', '1', '♂', '男', '男性', '男士', '先生'].map(
    (word): [string, Gender] => [word, 'M'],
  ),
  ...[
    'f',
    'female',
    'woman',
    'girl',
    'mrs',
    'ms',
    'miss',
    '2',
    '♀',
    '女',
    '女性',
    '女士',
    '小姐',
  ].map((word): [string, Gender] => [word, 'F']),
]);

const UNKNOWN: ReadonlySet<string> = new Set([
  'u',
  'x',
  'o',
  'unknown',
  'other',
  'unspecified',
  'n/a',
  'na',
  'null',
  'none',
  '-',
  '0',
  '9',
  '未知',
  '不详',
  '保密',
  '其他',
]);

/** Neither value nor issue for empty and "unknown" values. */
export function normalizeGender(raw: string): Normalized<Gender> {
  const key = raw.normalize('NFKC').trim().toLowerCase().replace(/\.$/u, '');
  if (!key || UNKNOWN.has(key)) return {};
  const gender = GENDERS.get(key);
  return gender ? { value: gender } : { issue: 'INVALID_GENDER' };
}
