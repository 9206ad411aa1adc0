import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryDeferred } from '../database/fused-transaction';
import {
  type ChangeEventInput,
  eventParams,
  eventsInsertSql,
} from '../events/change-events.writer';
import { historyInsertSql, historyParams, type HistoryEntry } from '../history/history.writer';
import type { BlockingKey } from '../matching/blocking-keys';
import type { GoldenRecord } from '../matching/survivorship';
import type { NewSourceRecord } from './resolution.repository';

export interface Placement {
  recordId: string;
  record: NewSourceRecord;
  keys: readonly BlockingKey[];
  golden: GoldenRecord;
  history: readonly HistoryEntry[];
  events: readonly ChangeEventInput[];
}

export interface NewCustomer {
  customerNumber: string;
  regionCode: string;
}

/** Parameters $1..$13 shared by both statements: the customer, the record, its keys, the golden record. */
function placementParams(p: Placement): unknown[] {
  const r = p.record;
  return [
    r.customerId,
    p.recordId,
    r.source,
    r.sourceId,
    r.kind,
    r.raw,
    r.normalized,
    r.contentHash,
    r.identityHash,
    r.link,
    p.keys.map((k) => k.type),
    p.keys.map((k) => k.value),
    p.golden,
  ];
}

const RECORD_AND_KEYS = `
  rec AS (
    INSERT INTO source_records (id, source, source_id, customer_id, kind, raw, normalized, content_hash, identity_hash, link)
    VALUES ($2, $3, $4, $1, $5, $6, $7, $8, $9, $10) RETURNING id),
  keys AS (
    INSERT INTO blocking_keys (key_type, key_value, source_record_id, customer_id)
    SELECT DISTINCT k.t, k.v, rec.id, $1::bigint FROM rec, unnest($11::text[], $12::text[]) AS k(t, v)
    ON CONFLICT DO NOTHING)`;

/**
 * The resolve path's writes, one statement each (data-modifying CTEs): on this kind of machine
 * every round trip to PostgreSQL costs more than the work it carries. Ids are allocated before,
 * so the history and events can name them; foreign keys are checked at the end of the statement.
 */
@Injectable()
export class RecordPlacementRepository {
  /** A new customer's id and number sequence (when the reads did not bring them). */
  async allocateCustomerIds(
    manager: EntityManager,
  ): Promise<{ customerId: string; sequence: number }> {
    const [row] = await manager.query<{ c: string; n: string }[]>(
      `SELECT nextval('customers_id_seq') AS c, nextval('customer_number_seq') AS n`,
    );
    return { customerId: row.c, sequence: Number(row.n) };
  }

  /** A new customer with its first record, keys, history and events (deferred: see fused-transaction). */
  async insertCustomerWithRecord(
    manager: EntityManager,
    p: Placement,
    customer: NewCustomer,
  ): Promise<void> {
    await queryDeferred(
      manager,
      `WITH cust AS (
         INSERT INTO customers (id, customer_number, kind, region_code, golden) VALUES ($1, $14, $5, $15, $13) RETURNING id),
       ${RECORD_AND_KEYS},
       history AS (${historyInsertSql(16)} RETURNING 1)
       ${eventsInsertSql(24)}`,
      [
        ...placementParams(p),
        customer.customerNumber,
        customer.regionCode,
        ...historyParams(p.history),
        ...eventParams(p.events),
      ],
    );
  }

  /**
   * Links a new record to an active customer: locks the customer row, writes the record, its keys,
   * the new golden record, history and events. When the customer was merged or emptied meanwhile
   * the statement fails with CONCURRENT_CHANGE_SQLSTATE (mdm_require); the resolve is retried.
   * Deferred: see fused-transaction.
   */
  async linkRecord(manager: EntityManager, p: Placement): Promise<void> {
    await queryDeferred(
      manager,
      `WITH target AS (SELECT id FROM customers WHERE id = $1 AND status = 'active' FOR UPDATE),
       ${RECORD_AND_KEYS},
       golden AS (UPDATE customers SET golden = $13, updated_at = now() WHERE id = $1 RETURNING id),
       history AS (${historyInsertSql(14)} RETURNING 1)
       ${eventsInsertSql(22)} RETURNING mdm_require(EXISTS (SELECT 1 FROM target))`,
      [...placementParams(p), ...historyParams(p.history), ...eventParams(p.events)],
    );
  }
}
