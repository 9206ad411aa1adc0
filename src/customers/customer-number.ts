/**
 * Customer numbers (pure). Default scheme: kind digit (1 person, 2 organisation) + 2-digit region
 * code of the issuing province (00 unknown) + zero-padded sequence + check character, e.g.
 * 1 11 000000042 7 → "1110000000427". Numbers are never reused and never change.
 */
import type { CustomerKind } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';

export type CheckAlgorithm = 'mod11-2' | 'mod37-36';

export interface CustomerNumberScheme {
  prefix: string;
  sequenceWidth: number;
  check: CheckAlgorithm;
}

export const DEFAULT_NUMBER_SCHEME: CustomerNumberScheme = {
  prefix: '',
  sequenceWidth: 9,
  check: 'mod11-2',
};

const KIND_DIGIT: Record<CustomerKind, string> = { person: '1', organization: '2' };
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 11-2 (as in resident ID numbers): catches every single-digit error and transposition. */
function mod11_2(digits: string): string {
  let sum = 0;
  for (const ch of digits) sum = ((sum + Number(ch)) * 2) % 11;
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : String(check);
}

/** ISO 7064 MOD 37,36 (hybrid): for alphanumeric prefixes; check character 0-9A-Z. */
function mod37_36(text: string): string {
  let p = 36;
  for (const ch of text) {
    const value = ALPHANUMERIC.indexOf(ch);
    const s = (p + value) % 36 || 36;
    p = (s * 2) % 37;
  }
  return ALPHANUMERIC[(37 - p) % 36];
}

function checkCharacter(body: string, algorithm: CheckAlgorithm): string {
  return algorithm === 'mod11-2' ? mod11_2(body) : mod37_36(body);
}

export function formatCustomerNumber(
  kind: CustomerKind,
  regionCode: string,
  sequence: number,
  scheme: CustomerNumberScheme = DEFAULT_NUMBER_SCHEME,
): string {
  const serial = String(sequence).padStart(scheme.sequenceWidth, '0');
  if (serial.length > scheme.sequenceWidth)
    throw new Error('customer number sequence exhausted for this width');
  const body = `${KIND_DIGIT[kind]}${regionCode}${serial}`;
  const check = checkCharacter(
    scheme.check === 'mod11-2' ? body : scheme.prefix + body,
    scheme.check,
  );
  return `${scheme.prefix}${body}${check}`;
}

export type CustomerNumberProblem = 'LENGTH' | 'FORMAT' | 'CHECK_CHARACTER';

export interface ParsedCustomerNumber {
  kind: CustomerKind;
  regionCode: string;
  sequence: number;
}

/** Parses and verifies a number; the problem tells a malformed number (400) from a typo'd check. */
export function parseCustomerNumber(
  text: string,
  scheme: CustomerNumberScheme = DEFAULT_NUMBER_SCHEME,
): ParsedCustomerNumber | { problem: CustomerNumberProblem } {
  const value = text.trim().toUpperCase();
  const length = scheme.prefix.length + 1 + 2 + scheme.sequenceWidth + 1;
  if (value.length !== length) return { problem: 'LENGTH' };
  if (!value.startsWith(scheme.prefix.toUpperCase())) return { problem: 'FORMAT' };
  const body = value.slice(scheme.prefix.length, -1);
  if (!/^[12]\d+$/.test(body)) return { problem: 'FORMAT' };
  const check = checkCharacter(
    scheme.check === 'mod11-2' ? body : value.slice(0, -1),
    scheme.check,
  );
  if (check !== value.slice(-1)) return { problem: 'CHECK_CHARACTER' };
  return {
    kind: body[0] === '1' ? 'person' : 'organization',
    regionCode: body.slice(1, 3),
    sequence: Number(body.slice(3)),
  };
}

/** Issuing region: the province of a resident ID / credit code, else of the address, else 00. */
export function regionCodeFor(record: NormalizedRecord): string {
  const fromId = record.id?.valid === true ? record.id.divisionCode?.slice(0, 2) : undefined;
  const code = fromId ?? record.address?.provinceCode?.slice(0, 2);
  return code !== undefined && /^[1-9]\d$/.test(code) ? code : '00';
}
