import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HistoryAction } from './customer-history.entity';

export interface HistoryEntry {
  customerId: string;
  action: HistoryAction;
  actor: string;
  reason?: string | null;
  sourceRecordId?: string | null;
  relatedCustomerId?: string | null;
  reviewId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to customers' audit trail inside the caller's transaction. */
@Injectable()
export class HistoryWriter {
  async append(manager: EntityManager, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO customer_history (customer_id, action, actor, reason, source_record_id, related_customer_id, review_id, details)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::jsonb[])`,
      [
        entries.map((e) => e.customerId),
        entries.map((e) => e.action),
        entries.map((e) => e.actor),
        entries.map((e) => e.reason ?? null),
        entries.map((e) => e.sourceRecordId ?? null),
        entries.map((e) => e.relatedCustomerId ?? null),
        entries.map((e) => e.reviewId ?? null),
        entries.map((e) => JSON.stringify(e.details ?? {})),
      ],
    );
  }
}
