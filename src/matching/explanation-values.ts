/**
 * The values shown beside an explanation line. Explanations are stored and shown to stewards, so
 * by default personal values are masked: enough to see *why* two values agree or differ (family
 * name, last phone digits, mail domain, birth year) without copying the data into another table.
 */
import type { NormalizedAddress, NormalizedRecord } from '../normalize/normalized-record';
import { effectiveBirthDate, effectiveGender } from './compare-identity';
import type { MatchField } from './match-config';

export type ValueMode = 'omit' | 'masked' | 'plain';

const STAR = '*';

/**
 * Keeps `head` leading and `tail` trailing characters and stars the rest; a value too short to
 * keep anything hidden (a one-character given name) is starred completely.
 */
export function maskMiddle(text: string, head: number, tail: number): string {
  if (text.length <= head + tail) return STAR.repeat(text.length);
  return (
    text.slice(0, head) + STAR.repeat(text.length - head - tail) + text.slice(text.length - tail)
  );
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? maskMiddle(email, 1, 0) : maskMiddle(email.slice(0, at), 1, 0) + email.slice(at);
}

const address = (r: NormalizedRecord): NormalizedAddress | undefined => r.address;

/** What each field's explanation line shows of a record. */
const VALUE_OF: Readonly<Record<MatchField, (r: NormalizedRecord) => string | undefined>> = {
  familyName: (r) => r.personName?.family ?? r.personName?.display,
  givenName: (r) => r.personName?.given,
  orgName: (r) => r.orgName?.display,
  orgBranch: (r) => r.orgName?.branch,
  orgRegion: (r) => r.orgName?.region,
  idVerified: (r) => r.id?.value,
  idUnverified: (r) => r.id?.value,
  birthDate: effectiveBirthDate,
  gender: effectiveGender,
  phone: (r) => r.phones.map((phone) => phone.e164).join(', '),
  email: (r) => r.emails.join(', '),
  street: (r) =>
    [address(r)?.street, address(r)?.number, address(r)?.detail].filter(Boolean).join(' '),
  locality: (r) => [address(r)?.city, address(r)?.district].filter(Boolean).join(' '),
  postcode: (r) => address(r)?.postcode,
};

type Masker = (value: string, r: NormalizedRecord) => string;
const plain: Masker = (value) => value;
const maskId: Masker = (value) => maskMiddle(value, 3, 2);

/**
 * Masking per field: personal values keep only what explains the comparison; organisation
 * names, localities and postcodes are not personal on their own and stay readable.
 */
const MASK: Readonly<Record<MatchField, Masker>> = {
  familyName: plain,
  givenName: (value) => maskMiddle(value, 1, 0),
  orgName: plain,
  orgBranch: plain,
  orgRegion: plain,
  idVerified: maskId,
  idUnverified: maskId,
  birthDate: (value) => value.slice(0, 4) + '-**-**',
  gender: plain,
  phone: (_, r) => r.phones.map((phone) => maskMiddle(phone.e164, 3, 4)).join(', '),
  email: (_, r) => r.emails.map(maskEmail).join(', '),
  street: (value, r) =>
    r.address?.street ? `${r.address.street} ${STAR}` : maskMiddle(value, 2, 0),
  locality: plain,
  postcode: plain,
};

/** [record's value, candidate's value] for one explanation line. */
export function explanationValues(
  field: MatchField,
  record: NormalizedRecord,
  candidate: NormalizedRecord,
  masked: boolean,
): [string, string] {
  const a = VALUE_OF[field](record) ?? '';
  const b = VALUE_OF[field](candidate) ?? '';
  if (!masked) return [a, b];
  return [a && MASK[field](a, record), b && MASK[field](b, candidate)];
}
