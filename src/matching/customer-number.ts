/**
 * Customer numbers. Default scheme, after the customer-code practice the service is built for:
 * kind digit (1 person, 2 organisation) + 2-digit province code of the issuing region ("00"
 * unknown) + zero-padded sequence + check character, e.g. 1 11 000000042 X. Numbers never change
 * once issued, so the scheme only affects numbers minted after a change.
 */
import type { CustomerKind } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { mod11_2, mod37_36 } from './check-character';

export type CheckAlgorithm = 'mod11-2' | 'mod37-36' | 'none';

export interface CustomerNumberScheme {
  /** Literal text in front of every number ("" by default; e.g. "C-"). */
  prefix: string;
  regionWidth: number;
  sequenceWidth: number;
  checkAlgorithm: CheckAlgorithm;
}

export const DEFAULT_CUSTOMER_NUMBER_SCHEME: CustomerNumberScheme = {
  prefix: '',
  regionWidth: 2,
  sequenceWidth: 9,
  checkAlgorithm: 'mod11-2',
};

export const UNKNOWN_REGION = '00';

const KIND_DIGIT: Readonly<Record<CustomerKind, string>> = { person: '1', organization: '2' };

export interface CustomerNumberParts {
  kind: CustomerKind;
  regionCode: string;
  sequence: number;
}

/** Why a text is not a well-formed customer number (upstream: HTTP 400, not 404). */
export type CustomerNumberProblem = 'prefix' | 'length' | 'characters' | 'kind' | 'check';

export type ParsedCustomerNumber =
  | { ok: true; parts: CustomerNumberParts }
  | { ok: false; code: 'CUSTOMER_NUMBER_MALFORMED'; problem: CustomerNumberProblem };

function checkCharacter(body: string, algorithm: CheckAlgorithm): string {
  switch (algorithm) {
    case 'mod11-2':
      return mod11_2(body);
    case 'mod37-36':
      return mod37_36(body);
    case 'none':
      return '';
  }
}

function checkLength(scheme: CustomerNumberScheme): number {
  return scheme.checkAlgorithm === 'none' ? 0 : 1;
}

export function formatCustomerNumber(
  kind: CustomerKind,
  regionCode: string,
  sequence: number,
  scheme: CustomerNumberScheme = DEFAULT_CUSTOMER_NUMBER_SCHEME,
): string {
  if (!/^\d+$/.test(regionCode) || regionCode.length > scheme.regionWidth) {
    throw new RangeError(`region code must be at most ${scheme.regionWidth} digits`);
  }
  const digits = String(sequence);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || digits.length > scheme.sequenceWidth) {
    throw new RangeError(
      `sequence must be a non-negative integer of at most ${scheme.sequenceWidth} digits`,
    );
  }
  const body =
    KIND_DIGIT[kind] +
    regionCode.padStart(scheme.regionWidth, '0') +
    digits.padStart(scheme.sequenceWidth, '0');
  return scheme.prefix + body + checkCharacter(body, scheme.checkAlgorithm);
}

function kindOf(digit: string): CustomerKind | undefined {
  if (digit === KIND_DIGIT.person) return 'person';
  if (digit === KIND_DIGIT.organization) return 'organization';
  return undefined;
}

const malformed = (problem: CustomerNumberProblem): ParsedCustomerNumber => ({
  ok: false,
  code: 'CUSTOMER_NUMBER_MALFORMED',
  problem,
});

/**
 * Parses and verifies a customer number. Surrounding spaces are ignored and letters upper-cased
 * (numbers are read aloud and retyped); anything else must be exact.
 */
export function parseCustomerNumber(
  text: string,
  scheme: CustomerNumberScheme = DEFAULT_CUSTOMER_NUMBER_SCHEME,
): ParsedCustomerNumber {
  const input = text.trim().toUpperCase();
  const prefix = scheme.prefix.toUpperCase();
  if (!input.startsWith(prefix)) return malformed('prefix');
  const rest = input.slice(prefix.length);
  const bodyLength = 1 + scheme.regionWidth + scheme.sequenceWidth;
  if (rest.length !== bodyLength + checkLength(scheme)) return malformed('length');
  const body = rest.slice(0, bodyLength);
  if (!/^\d+$/.test(body)) return malformed('characters');
  const kind = kindOf(body[0]);
  if (!kind) return malformed('kind');
  if (rest.slice(bodyLength) !== checkCharacter(body, scheme.checkAlgorithm)) {
    return malformed('check');
  }
  const regionCode = body.slice(1, 1 + scheme.regionWidth);
  return {
    ok: true,
    parts: { kind, regionCode, sequence: Number(body.slice(1 + scheme.regionWidth)) },
  };
}

/** A Chinese province code: 11 (北京) … 65 (新疆), 71 台湾, 81 香港, 82 澳门. */
function provinceOf(code: string | undefined): string | undefined {
  const province = code?.slice(0, 2);
  return province && /^[1-8]\d$/.test(province) ? province : undefined;
}

/**
 * The issuing region of a new customer's number: the province in its resident ID / social credit
 * code (where the person or company is registered), else the province of its address, else "00".
 */
export function regionCodeFor(record: NormalizedRecord): string {
  const fromId = record.id?.valid ? provinceOf(record.id.divisionCode) : undefined;
  return fromId ?? provinceOf(record.address?.provinceCode) ?? UNKNOWN_REGION;
}
