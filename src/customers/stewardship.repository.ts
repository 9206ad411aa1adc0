import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CustomerKind } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import type { CustomerStatus, PinnedValue } from './customer.entity';
import type { LinkDecision } from './source-record.entity';

export interface CustomerState {
  id: string;
  customerNumber: string;
  kind: CustomerKind;
  status: CustomerStatus;
  mergedIntoId: string | null;
  pins: Record<string, PinnedValue>;
}

export interface StewardedRecord {
  id: string;
  source: string;
  sourceId: string;
  status: 'active' | 'deleted';
  customerId: string | null;
  previousCustomerId: string | null;
  identityHash: string;
  normalized: NormalizedRecord;
}

const CUSTOMER_STATE = `id, customer_number AS "customerNumber", kind, status,
  merged_into_id AS "mergedIntoId", pins`;

const RECORD_COLUMNS = `id, source, source_id AS "sourceId", status, customer_id AS "customerId",
  previous_customer_id AS "previousCustomerId", identity_hash AS "identityHash", normalized`;

/**
 * SQL of the steward's writes (merge, split, pin, review decisions): record moves, customer
 * re-activation, pins and the "not the same customer" exclusions. Methods take the caller's
 * transaction.
 */
@Injectable()
export class StewardshipRepository {
  async customerStates(manager: EntityManager, ids: readonly string[]): Promise<CustomerState[]> {
    return manager.query<CustomerState[]>(
      `SELECT ${CUSTOMER_STATE} FROM customers WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );
  }

  /** Each id mapped to the customer answering for it now (itself, or its merge survivor). */
  async survivorsOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; survivor: string }[]>(
      `SELECT id, COALESCE(merged_into_id, id) AS survivor FROM customers WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.survivor]));
  }

  /** Source keys of the customers' active records (the ones a merge would move). */
  async recordKeysOf(
    manager: EntityManager,
    customerIds: readonly string[],
  ): Promise<{ source: string; sourceId: string }[]> {
    return manager.query<{ source: string; sourceId: string }[]>(
      `SELECT source, source_id AS "sourceId" FROM source_records
        WHERE customer_id = ANY($1::bigint[]) AND status = 'active'`,
      [customerIds],
    );
  }

  async findRecordsByKeys(
    manager: EntityManager,
    keys: readonly { source: string; sourceId: string }[],
  ): Promise<StewardedRecord[]> {
    return manager.query<StewardedRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM source_records
        WHERE (source, source_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ORDER BY id FOR UPDATE`,
      [keys.map((k) => k.source), keys.map((k) => k.sourceId)],
    );
  }

  async findRecordById(manager: EntityManager, id: string): Promise<StewardedRecord | undefined> {
    const rows = await manager.query<StewardedRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM source_records WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async activeRecords(
    manager: EntityManager,
    customerIds: readonly string[],
  ): Promise<StewardedRecord[]> {
    return manager.query<StewardedRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM source_records
        WHERE customer_id = ANY($1::bigint[]) AND status = 'active' ORDER BY id`,
      [customerIds],
    );
  }

  /**
   * Moves records (and their blocking keys) onto another customer. Each remembers the customer it
   * left, so a later split can send it back.
   */
  async moveRecords(
    manager: EntityManager,
    recordIds: readonly string[],
    to: string,
    link: LinkDecision,
  ): Promise<void> {
    await manager.query(
      `UPDATE source_records SET previous_customer_id = customer_id, customer_id = $2, link = $3,
              updated_at = now()
        WHERE id = ANY($1::bigint[])`,
      [recordIds, to, link],
    );
    await manager.query(
      'UPDATE blocking_keys SET customer_id = $2 WHERE source_record_id = ANY($1::bigint[])',
      [recordIds, to],
    );
  }

  /** A merged customer gets its own records back (split): it answers for itself again. */
  async reactivate(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE customers SET status = 'active', merged_into_id = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async savePins(
    manager: EntityManager,
    id: string,
    pins: Record<string, PinnedValue>,
  ): Promise<void> {
    await manager.query('UPDATE customers SET pins = $2, updated_at = now() WHERE id = $1', [
      id,
      pins,
    ]);
  }

  /**
   * "Not the same customer" between every pair of records across the two sides, with the records'
   * current identity hashes: matching honours it until one of them changes an identifying field.
   */
  async insertExclusions(
    manager: EntityManager,
    left: readonly StewardedRecord[],
    right: readonly StewardedRecord[],
    reviewId: string | null,
    actor: string,
  ): Promise<number> {
    const pairs: [StewardedRecord, StewardedRecord][] = [];
    for (const l of left) {
      for (const r of right) {
        if (l.id === r.id) continue;
        pairs.push(BigInt(l.id) < BigInt(r.id) ? [l, r] : [r, l]);
      }
    }
    if (pairs.length === 0) return 0;
    await manager.query(
      `INSERT INTO match_exclusions (record_a_id, record_b_id, identity_hash_a, identity_hash_b, review_id, created_by)
       SELECT a, b, ha, hb, $5::bigint, $6
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS p(a, b, ha, hb)
       ON CONFLICT (record_a_id, record_b_id) DO UPDATE
         SET identity_hash_a = EXCLUDED.identity_hash_a, identity_hash_b = EXCLUDED.identity_hash_b,
             review_id = EXCLUDED.review_id, created_by = EXCLUDED.created_by, created_at = now()`,
      [
        pairs.map(([a]) => a.id),
        pairs.map(([, b]) => b.id),
        pairs.map(([a]) => a.identityHash),
        pairs.map(([, b]) => b.identityHash),
        reviewId,
        actor,
      ],
    );
    return pairs.length;
  }

  /** A steward merged the two after all: earlier "not the same" answers between them are void. */
  async deleteExclusionsBetween(
    manager: EntityManager,
    left: readonly string[],
    right: readonly string[],
  ): Promise<void> {
    if (left.length === 0 || right.length === 0) return;
    await manager.query(
      `DELETE FROM match_exclusions
        WHERE (record_a_id = ANY($1::bigint[]) AND record_b_id = ANY($2::bigint[]))
           OR (record_a_id = ANY($2::bigint[]) AND record_b_id = ANY($1::bigint[]))`,
      [left, right],
    );
  }
}
