import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryWithWaiting } from '../database/fused-transaction';
import type { ReviewKind } from '../review/review-item.entity';
import type { CustomerStatus, PinnedValue } from './customer.entity';
import type { GoldenRecord, SurvivorInput } from '../matching/survivorship';

export interface SurvivorshipState {
  customerNumber: string;
  status: CustomerStatus;
  pins: Record<string, PinnedValue>;
  records: SurvivorInput[];
}

/** SQL for customer-level writes; methods take the caller's transaction. */
@Injectable()
export class CustomersRepository {
  async lockCustomers(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(
      'SELECT id FROM customers WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
      [ids],
    );
  }

  /** Locks an active customer for a link and returns what the link needs; undefined if merged or inactive. */
  async lockActiveCustomer(
    manager: EntityManager,
    id: string,
  ): Promise<{ customerNumber: string; pins: Record<string, PinnedValue> } | undefined> {
    const rows = await manager.query<
      { customer_number: string; pins: Record<string, PinnedValue> }[]
    >(
      `SELECT customer_number, pins FROM customers WHERE id = $1 AND status = 'active' FOR UPDATE`,
      [id],
    );
    return rows[0] === undefined
      ? undefined
      : { customerNumber: rows[0].customer_number, pins: rows[0].pins };
  }

  async moveRecords(manager: EntityManager, from: string, to: string): Promise<void> {
    // The keys first, found through their records (blocking_keys has no index by customer).
    await manager.query(
      `UPDATE blocking_keys b SET customer_id = $2 FROM source_records r
        WHERE r.customer_id = $1 AND b.source_record_id = r.id`,
      [from, to],
    );
    await manager.query(
      `UPDATE source_records SET previous_customer_id = customer_id, customer_id = $2, updated_at = now() WHERE customer_id = $1`,
      [from, to],
    );
    // Open reviews between the two are answered by the merge itself.
    await manager.query(
      `UPDATE review_items SET status = 'superseded', updated_at = now()
        WHERE status = 'open' AND ((customer_id = $1 AND candidate_customer_id = $2) OR (customer_id = $2 AND candidate_customer_id = $1))`,
      [from, to],
    );
  }

  async markMerged(manager: EntityManager, merged: string, survivor: string): Promise<void> {
    await manager.query(
      `UPDATE customers SET status = 'merged', merged_into_id = $2, golden = '{}', updated_at = now() WHERE id = $1`,
      [merged, survivor],
    );
    // Numbers merged into the loser earlier now redirect straight to the survivor.
    await manager.query(`UPDATE customers SET merged_into_id = $2 WHERE merged_into_id = $1`, [
      merged,
      survivor,
    ]);
  }

  async setStatus(manager: EntityManager, id: string, status: CustomerStatus): Promise<void> {
    await manager.query('UPDATE customers SET status = $2, updated_at = now() WHERE id = $1', [
      id,
      status,
    ]);
  }

  async saveGolden(
    manager: EntityManager,
    id: string,
    golden: GoldenRecord,
    status: CustomerStatus,
  ): Promise<void> {
    await manager.query(
      'UPDATE customers SET golden = $2, status = $3, updated_at = now() WHERE id = $1',
      [id, golden, status],
    );
  }

  async loadForSurvivorship(manager: EntityManager, id: string): Promise<SurvivorshipState> {
    const [customer] = await manager.query<
      { customer_number: string; status: CustomerStatus; pins: Record<string, PinnedValue> }[]
    >('SELECT customer_number, status, pins FROM customers WHERE id = $1', [id]);
    const records = await manager.query<
      {
        id: string;
        source: string;
        updated_at: Date;
        raw: SurvivorInput['raw'];
        normalized: SurvivorInput['normalized'];
      }[]
    >(
      `SELECT id, source, updated_at, raw, normalized FROM source_records WHERE customer_id = $1 AND status = 'active' ORDER BY id`,
      [id],
    );
    return {
      customerNumber: customer.customer_number,
      status: customer.status,
      pins: customer.pins,
      records: records.map((r) => ({
        sourceRecordId: r.id,
        source: r.source,
        updatedAt: new Date(r.updated_at),
        raw: r.raw,
        normalized: r.normalized,
      })),
    };
  }

  /** One open review per unordered pair (a partial unique index guards it). */
  async insertOpenReview(
    manager: EntityManager,
    kind: ReviewKind,
    customerId: string,
    candidateId: string,
    recordId: string | null,
    score: number,
    explanation: unknown,
  ): Promise<{ id: string; created: boolean }> {
    // After the placements waiting to be written (the customer it names), in their message.
    const inserted = await queryWithWaiting<{ id: string }>(
      manager,
      `INSERT INTO review_items (kind, customer_id, candidate_customer_id, source_record_id, score, explanation)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (LEAST(customer_id, candidate_customer_id), GREATEST(customer_id, candidate_customer_id)) WHERE status = 'open'
       DO NOTHING RETURNING id`,
      [kind, customerId, candidateId, recordId, score, JSON.stringify(explanation)],
    );
    if (inserted.length > 0) return { id: inserted[0].id, created: true };
    const [open] = await manager.query<{ id: string }[]>(
      `SELECT id FROM review_items WHERE status = 'open'
          AND LEAST(customer_id, candidate_customer_id) = LEAST($1::bigint, $2::bigint)
          AND GREATEST(customer_id, candidate_customer_id) = GREATEST($1::bigint, $2::bigint)`,
      [customerId, candidateId],
    );
    return { id: open.id, created: false };
  }
}
