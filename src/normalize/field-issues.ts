/**
 * Issue codes the normalisers report, and the one message per code. Messages are fixed text and
 * never contain the offending value: issues are returned to callers and written to logs.
 */
export type IssueCode =
  | 'INVALID_NAME'
  | 'INVALID_PHONE'
  | 'PLACEHOLDER_PHONE'
  | 'IMPLAUSIBLE_PHONE'
  | 'INVALID_EMAIL'
  | 'INVALID_ID_FORMAT'
  | 'PLACEHOLDER_ID'
  | 'ID_CHECKSUM_MISMATCH'
  | 'ID_INVALID_BIRTH_DATE'
  | 'INVALID_DATE'
  | 'INVALID_GENDER'
  | 'BIRTH_DATE_ID_MISMATCH'
  | 'GENDER_ID_MISMATCH';

export const ISSUE_MESSAGES: Readonly<Record<IssueCode, string>> = {
  INVALID_NAME: 'The name contains no letters; it was ignored.',
  INVALID_PHONE: 'The phone number could not be parsed; it was dropped.',
  PLACEHOLDER_PHONE: 'The phone number looks like a placeholder; it was kept as invalid.',
  IMPLAUSIBLE_PHONE:
    'The phone number does not fit the numbering plan of its country; it was kept as invalid.',
  INVALID_EMAIL: 'The e-mail address is not well formed; it was dropped.',
  INVALID_ID_FORMAT: 'The ID number does not have the format of its type; it was kept as invalid.',
  PLACEHOLDER_ID: 'The ID number looks like a placeholder; it was kept as invalid.',
  ID_CHECKSUM_MISMATCH: 'The ID number fails its check digit; it was kept as invalid.',
  ID_INVALID_BIRTH_DATE:
    'The birth date inside the ID number is impossible; it was kept as invalid.',
  INVALID_DATE: 'The date could not be read or is impossible; it was dropped.',
  INVALID_GENDER: 'The gender value is not recognised; it was dropped.',
  BIRTH_DATE_ID_MISMATCH: 'The birth date differs from the one in the resident ID number.',
  GENDER_ID_MISMATCH: 'The gender differs from the one in the resident ID number.',
};

/**
 * What a field normaliser returns: a value, possibly with a warning (an ID kept with a failed
 * checksum); only an issue when nothing usable is left (an unparseable phone); or neither for an
 * empty or explicitly unknown value.
 */
export interface Normalized<T> {
  value?: T;
  issue?: IssueCode;
}
