import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryDeferredItem, queryWithWaiting } from '../database/fused-transaction';
import type { ChangeEventInput } from '../events/change-events.writer';
import type { HistoryEntry } from '../history/history.writer';
import type { BlockingKey } from '../matching/blocking-keys';
import { keyHash } from '../matching/key-hash';
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

const PLACE_RECORDS = 'mdm_place_records';

export interface NewCustomer {
  customerNumber: string;
  regionCode: string;
}

/**
 * A placement as an item of mdm_place_records (migrations 1763900000021-22): the record, its keys
 * as [type, value, hash], the golden record, history and events, plus the new customer's number.
 */
function placementItem(op: 'insert' | 'link', p: Placement, customer?: NewCustomer): unknown {
  const r = p.record;
  return {
    op,
    customerId: r.customerId,
    recordId: p.recordId,
    source: r.source,
    sourceId: r.sourceId,
    kind: r.kind,
    raw: r.raw,
    normalized: r.normalized,
    contentHash: r.contentHash,
    identityHash: r.identityHash,
    link: r.link,
    keys: p.keys.map((k) => [k.type, k.value, keyHash(k)]),
    golden: p.golden,
    customerNumber: customer?.customerNumber,
    regionCode: customer?.regionCode,
    history: p.history,
    events: p.events,
  };
}

/**
 * The resolve path's writes, deferred to travel with the next statement (see fused-transaction):
 * consecutive placements go as one call of mdm_place_records, which writes each table once for all
 * of them. Ids are allocated before, so the history and events can name them.
 */
@Injectable()
export class RecordPlacementRepository {
  /**
   * A new customer's id and number sequence (when the reads did not bring them), drawn now so that
   * ids follow minting order; the placements waiting travel in the same message.
   */
  async allocateCustomerIds(
    manager: EntityManager,
  ): Promise<{ customerId: string; sequence: number }> {
    const [row] = await queryWithWaiting<{ c: string; n: string }>(
      manager,
      `SELECT nextval('customers_id_seq') AS c, nextval('customer_number_seq') AS n`,
      [],
    );
    return { customerId: row.c, sequence: Number(row.n) };
  }

  /** A new customer with its first record, keys, history and events (deferred: see fused-transaction). */
  async insertCustomerWithRecord(
    manager: EntityManager,
    p: Placement,
    customer: NewCustomer,
  ): Promise<void> {
    await queryDeferredItem(manager, PLACE_RECORDS, placementItem('insert', p, customer));
  }

  /**
   * Links a new record to an active customer: locks the customer row, writes the record, its keys,
   * the new golden record, history and events. When the customer was merged or emptied meanwhile
   * the statement fails with CONCURRENT_CHANGE_SQLSTATE (mdm_require); the resolve is retried.
   * Deferred: see fused-transaction.
   */
  async linkRecord(manager: EntityManager, p: Placement): Promise<void> {
    await queryDeferredItem(manager, PLACE_RECORDS, placementItem('link', p));
  }
}
