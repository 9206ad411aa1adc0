import { createHash } from 'node:crypto';
import type { CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';

/** JSON with sorted keys, so the same record always hashes the same whatever its key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The record exactly as sent: equal hash = the same record again ("unchanged"). */
export function contentHash(input: CustomerRecordInput): string {
  return sha256(stableJson(input));
}

/**
 * The identifying content only (names, identifiers, contacts, birth date, address): a steward's
 * "not duplicate" holds until this changes; a new loyalty tier in `attributes` does not reopen it.
 */
export function identityHash(record: NormalizedRecord): string {
  return sha256(stableJson(record));
}
