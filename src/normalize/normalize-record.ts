/**
 * One customer record → its normalised form plus the issues found on the way. Never throws on bad
 * values: an unusable phone, e-mail, date or gender is dropped and reported, an ID failing its
 * checksum is kept as invalid and reported. Issue messages never contain the values themselves.
 */
import type { CustomerRecordInput } from './customer-record';
import type {
  FieldIssue,
  NormalizationResult,
  NormalizedPhone,
  NormalizedRecord,
} from './normalized-record';
import { type IssueCode, ISSUE_MESSAGES } from './field-issues';
import { normalizeAddress } from './address.normalizer';
import { normalizeDate } from './date.normalizer';
import { normalizeEmail } from './email.normalizer';
import { normalizeGender } from './gender.normalizer';
import { normalizeId } from './id.normalizer';
import { normalizeOrgName } from './org-name.normalizer';
import { honorificGender, normalizePersonName } from './person-name.normalizer';
import { normalizePhone } from './phone.normalizer';

type Report = (field: string, code: IssueCode) => void;

/** The API merges `phone` / `email` into the arrays; imports and older callers may still send them. */
type LooseInput = CustomerRecordInput & { phone?: unknown; email?: unknown };

interface FieldValue {
  field: string;
  value: string;
}

const LIST_SEPARATORS = /[;,，；、/|]/u;
const MIN_PHONE_DIGITS = 7;

/** Imports hand over numbers (an ID as 6988048) and nulls; only text and finite numbers count. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function fieldValues(list: unknown, listField: string, single: unknown, singleField: string) {
  const values: FieldValue[] = [];
  const items: unknown[] = Array.isArray(list) ? list : [list];
  items.forEach((item, i) => {
    const value = asText(item);
    if (value)
      values.push({ field: Array.isArray(list) ? `${listField}[${i}]` : listField, value });
  });
  const value = asText(single);
  if (value) values.push({ field: singleField, value });
  return values;
}

/** "13812345678/13912345678" in one field is two numbers; "010-88886666/123" is one with extension. */
function splitPhones(value: string): string[] {
  const pieces = value.split(LIST_SEPARATORS);
  const digits = (piece: string) => piece.replace(/\D/gu, '').length;
  return pieces.length > 1 && pieces.every((p) => digits(p) >= MIN_PHONE_DIGITS) ? pieces : [value];
}

function normalizePhones(input: LooseInput, report: Report): NormalizedPhone[] {
  const phones = new Map<string, NormalizedPhone>();
  for (const { field, value } of fieldValues(input.phones, 'phones', input.phone, 'phone')) {
    for (const piece of splitPhones(value)) {
      const result = normalizePhone(piece);
      if (result.issue) report(field, result.issue);
      if (result.value && !phones.has(result.value.e164))
        phones.set(result.value.e164, result.value);
    }
  }
  return [...phones.values()];
}

function normalizeEmails(input: LooseInput, report: Report): string[] {
  const emails = new Set<string>();
  for (const { field, value } of fieldValues(input.emails, 'emails', input.email, 'email')) {
    const result = normalizeEmail(value);
    if (result.issue) report(field, result.issue);
    if (result.value) emails.add(result.value);
  }
  return [...emails];
}

function addName(record: NormalizedRecord, input: LooseInput, report: Report): void {
  const name = asText(input.name);
  if (input.kind === 'organization') {
    record.orgName = normalizeOrgName(name);
    if (name && !record.orgName) report('name', 'INVALID_NAME');
    return;
  }
  const parts = { name, givenName: asText(input.givenName), familyName: asText(input.familyName) };
  record.personName = normalizePersonName(parts);
  if ((parts.name || parts.givenName || parts.familyName) && !record.personName) {
    report('name', 'INVALID_NAME');
  }
}

function addIdentity(record: NormalizedRecord, input: LooseInput, today: Date, report: Report) {
  const idNumber = asText(input.idNumber);
  if (idNumber) {
    const id = normalizeId(idNumber, asText(input.idType), today);
    if (id.issue) report('idNumber', id.issue);
    record.id = id.value;
  }
  const birthDate = asText(input.birthDate);
  if (birthDate) {
    const date = normalizeDate(birthDate, { today });
    if (date.issue) report('birthDate', date.issue);
    record.birthDate = date.value;
  }
  const gender = asText(input.gender);
  if (gender) {
    const result = normalizeGender(gender);
    if (result.issue) report('gender', result.issue);
    record.gender = result.value;
  }
}

/**
 * A valid resident ID states birth date and gender: it fills them when missing and is reported
 * when the record disagrees (the record's own value is kept; survivorship decides later).
 */
function reconcileWithId(record: NormalizedRecord, report: Report): void {
  const id = record.id;
  if (record.kind !== 'person' || id?.type !== 'cn_resident' || !id.valid) return;
  if (!record.birthDate) record.birthDate = id.birthDate;
  else if (id.birthDate && record.birthDate !== id.birthDate)
    report('birthDate', 'BIRTH_DATE_ID_MISMATCH');
  if (!record.gender) record.gender = id.gender;
  else if (id.gender && record.gender !== id.gender) report('gender', 'GENDER_ID_MISMATCH');
}

/** Drops optional fields left undefined so the record serialises (and compares) cleanly. */
function compact(record: NormalizedRecord): NormalizedRecord {
  for (const key of Object.keys(record) as (keyof NormalizedRecord)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}

export function normalizeRecord(
  input: CustomerRecordInput,
  today: Date = new Date(),
): NormalizationResult {
  const issues: FieldIssue[] = [];
  const report: Report = (field, code) =>
    issues.push({ field, code, message: ISSUE_MESSAGES[code] });
  const loose: LooseInput = input;
  const record: NormalizedRecord = {
    kind: input.kind,
    phones: normalizePhones(loose, report),
    emails: normalizeEmails(loose, report),
  };
  addName(record, loose, report);
  addIdentity(record, loose, today, report);
  reconcileWithId(record, report);
  if (record.kind === 'person' && !record.gender)
    record.gender = honorificGender(asText(input.name));
  record.address = normalizeAddress(input.address);
  return { record: compact(record), issues };
}
