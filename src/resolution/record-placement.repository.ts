import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryDeferred } from '../database/fused-transaction';
import { type ChangeEventInput, eventParams } from '../events/change-events.writer';
import { historyParams, type HistoryEntry } from '../history/history.writer';
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

/** The parameters both functions start with: the customer, the record, its keys, the golden record. */
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

/** `$1, $2, ... $count`: the placement functions take their parameters positionally. */
function placeholders(count: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
}

/** Calls a placement function (migration 1763900000007) with its parameters, deferred. */
async function callDeferred(manager: EntityManager, fn: string, params: unknown[]): Promise<void> {
  await queryDeferred(manager, `SELECT ${fn}(${placeholders(params.length)})`, params);
}

/**
 * The resolve path's writes, one PL/pgSQL function call each (their statements keep their plans),
 * deferred to travel with the next statement (see fused-transaction). Ids are allocated before,
 * so the history and events can name them.
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
    await callDeferred(manager, 'mdm_insert_customer_with_record', [
      ...placementParams(p),
      customer.customerNumber,
      customer.regionCode,
      ...historyParams(p.history),
      ...eventParams(p.events),
    ]);
  }

  /**
   * Links a new record to an active customer: locks the customer row, writes the record, its keys,
   * the new golden record, history and events. When the customer was merged or emptied meanwhile
   * the statement fails with CONCURRENT_CHANGE_SQLSTATE (mdm_require); the resolve is retried.
   * Deferred: see fused-transaction.
   */
  async linkRecord(manager: EntityManager, p: Placement): Promise<void> {
    await callDeferred(manager, 'mdm_link_record', [
      ...placementParams(p),
      ...historyParams(p.history),
      ...eventParams(p.events),
    ]);
  }
}
