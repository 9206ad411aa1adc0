import { hash } from 'node:crypto';
import type { CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';

/**
 * JSON with sorted keys, so the same record always hashes the same whatever its key order.
 * Written as loops over sorted keys rather than entries, filters and maps: every record is hashed
 * twice, and the intermediate arrays were most of the cost. The output must never change: stored
 * hashes decide whether a record sent again is "unchanged".
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + stableJson(value[i]);
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let out = '';
    for (const key of Object.keys(object).sort()) {
      const item = object[key];
      if (item !== undefined)
        out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${stableJson(item)}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return hash('sha256', text, 'hex');
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
