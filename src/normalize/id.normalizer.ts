/**
 * National identifiers: the Chinese resident ID (GB 11643, ISO 7064 MOD 11-2 check digit; the old
 * 15-digit form is upgraded to 18) with its birth date, gender and division code, and the unified
 * social credit code of organisations (GB 32100-2015, MOD 31). Other types (passports, foreign
 * numbers) are canonicalised and trusted. Without a type hint the type is detected from the value.
 */
import type { Gender, IdType, NormalizedId } from './normalized-record';
import type { IssueCode, Normalized } from './field-issues';
import { isPlausibleBirthDate, isoDate } from './date.normalizer';

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK_CHARS = '10X98765432';
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const RESIDENT_18 = /^\d{17}[\dX]$/u;
const RESIDENT_15 = /^\d{15}$/u;
const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/u;
/** E-passports (E + letter or digit + 7 digits) and the older G / D / S / P + 8 digits. */
const CN_PASSPORT = /^(?:E[A-Z0-9]\d{7}|[GDSP]\d{8})$/u;
const SEPARATORS = /[\s\-_./·]+/gu;
const HAS_ALPHANUMERIC = /[\p{L}\p{N}]/u;
const ONE_REPEATED_CHAR = /^(.)\1+$/u;
/** Written into ID fields to say "none": no ID, not a bad one. */
const NO_VALUE: ReadonlySet<string> = new Set([
  'NA',
  'NONE',
  'NULL',
  'NIL',
  'UNKNOWN',
  '无',
  '未知',
  '暂无',
]);

const TYPE_HINTS: ReadonlyMap<string, IdType> = new Map<string, IdType>([
  ...[
    'resident',
    'resident id',
    'cn resident',
    'id card',
    'idcard',
    'sfz',
    '身份证',
    '居民身份证',
    '身份证号',
  ].map((hint): [string, IdType] => [hint, 'cn_resident']),
  ...['uscc', 'cn uscc', 'credit code', '统一社会信用代码', '社会信用代码', '信用代码'].map(
    (hint): [string, IdType] => [hint, 'cn_uscc'],
  ),
  ...['passport', 'cn passport', '护照'].map((hint): [string, IdType] => [hint, 'passport']),
]);

/** Undefined hint: detect. A hint that names no known type (ssn, driving licence) is 'other'. */
export function idTypeFromHint(hint: string | undefined): IdType | undefined {
  const key = hint
    ?.normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ');
  if (!key) return undefined;
  return TYPE_HINTS.get(key) ?? 'other';
}

export function residentCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i];
  return RESIDENT_CHECK_CHARS[sum % 11];
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** 15-digit IDs (before 1999) omit the century and the check digit; everyone on them was born 19xx. */
export function upgradeResidentId(id15: string): string {
  const first17 = id15.slice(0, 6) + '19' + id15.slice(6);
  return first17 + residentCheckChar(first17);
}

function residentBirth(value: string) {
  return {
    year: Number(value.slice(6, 10)),
    month: Number(value.slice(10, 12)),
    day: Number(value.slice(12, 14)),
  };
}

function residentId(raw: string, today?: Date): Normalized<NormalizedId> {
  const value = RESIDENT_15.test(raw) ? upgradeResidentId(raw) : raw;
  if (!RESIDENT_18.test(value)) {
    return { value: { type: 'cn_resident', value, valid: false }, issue: 'INVALID_ID_FORMAT' };
  }
  const birth = residentBirth(value);
  const dateOk = isPlausibleBirthDate(birth, today);
  const checksumOk = residentCheckChar(value) === value[17];
  const placeholder = ONE_REPEATED_CHAR.test(value.slice(0, 17));
  const gender: Gender = Number(value[16]) % 2 === 1 ? 'M' : 'F';
  const id: NormalizedId = {
    type: 'cn_resident',
    value,
    valid: false,
    gender,
    divisionCode: value.slice(0, 6),
  };
  if (dateOk) id.birthDate = isoDate(birth);
  const issue: IssueCode | undefined = placeholder
    ? 'PLACEHOLDER_ID'
    : !checksumOk
      ? 'ID_CHECKSUM_MISMATCH'
      : !dateOk
        ? 'ID_INVALID_BIRTH_DATE'
        : undefined;
  id.valid = issue === undefined;
  return issue ? { value: id, issue } : { value: id };
}

function usccId(value: string): Normalized<NormalizedId> {
  if (!USCC_FORMAT.test(value)) {
    return { value: { type: 'cn_uscc', value, valid: false }, issue: 'INVALID_ID_FORMAT' };
  }
  const id: NormalizedId = { type: 'cn_uscc', value, valid: false };
  const division = value.slice(2, 8);
  if (/^\d{6}$/u.test(division)) id.divisionCode = division;
  if (ONE_REPEATED_CHAR.test(value)) return { value: id, issue: 'PLACEHOLDER_ID' };
  if (usccCheckChar(value) !== value[17]) return { value: id, issue: 'ID_CHECKSUM_MISMATCH' };
  return { value: { ...id, valid: true } };
}

function trustedId(type: IdType, value: string): Normalized<NormalizedId> {
  if (ONE_REPEATED_CHAR.test(value))
    return { value: { type, value, valid: false }, issue: 'PLACEHOLDER_ID' };
  return { value: { type, value, valid: true } };
}

/**
 * Detection order: a checksum-valid resident ID, a checksum-valid USCC, then anything shaped like
 * one of them (kept, with the checksum issue), a 15-digit resident ID, a Chinese passport, other.
 */
function detectId(value: string, today?: Date): Normalized<NormalizedId> {
  const resident = RESIDENT_18.test(value) ? residentId(value, today) : undefined;
  if (resident?.value?.valid) return resident;
  const uscc = USCC_FORMAT.test(value) ? usccId(value) : undefined;
  if (uscc?.value?.valid) return uscc;
  if (resident) return resident;
  if (uscc) return uscc;
  if (RESIDENT_15.test(value)) {
    const old = residentId(value, today);
    if (old.value?.valid) return old; // otherwise 15 digits are more likely some other number
  }
  return trustedId(CN_PASSPORT.test(value) ? 'passport' : 'other', value);
}

/** Upper-case, without spaces, dashes, dots or slashes. */
export function canonicalIdValue(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
}

/** Neither value nor issue for "N/A", 无 and the like: the record simply has no ID. */
export function normalizeId(
  raw: string,
  typeHint?: string,
  today?: Date,
): Normalized<NormalizedId> {
  const value = canonicalIdValue(raw);
  if (NO_VALUE.has(value)) return {};
  if (!HAS_ALPHANUMERIC.test(value) || value.length > 64) return { issue: 'INVALID_ID_FORMAT' };
  const type = idTypeFromHint(typeHint);
  switch (type) {
    case undefined:
      return detectId(value, today);
    case 'cn_resident':
      return residentId(value, today);
    case 'cn_uscc':
      return usccId(value);
    case 'passport':
    case 'other':
      return trustedId(type, value);
  }
}
