import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HistoryAction } from './customer-history.entity';
import { queryDeferred } from '../database/fused-transaction';

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

/** The history insert with its parameters starting at $first (8 parameters). */
export function historyInsertSql(first: number): string {
  const p = (i: number): string => `$${first + i}`;
  return `INSERT INTO customer_history (customer_id, action, actor, reason, source_record_id, related_customer_id, review_id, details)
       SELECT * FROM unnest(${p(0)}::bigint[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::bigint[], ${p(5)}::bigint[], ${p(6)}::bigint[], ${p(7)}::jsonb[])`;
}

export function historyParams(entries: readonly HistoryEntry[]): unknown[] {
  return [
    entries.map((e) => e.customerId),
    entries.map((e) => e.action),
    entries.map((e) => e.actor),
    entries.map((e) => e.reason ?? null),
    entries.map((e) => e.sourceRecordId ?? null),
    entries.map((e) => e.relatedCustomerId ?? null),
    entries.map((e) => e.reviewId ?? null),
    entries.map((e) => JSON.stringify(e.details ?? {})),
  ];
}

/**
 * Appends to customers' audit trail inside the caller's transaction. Nothing reads the insert's
 * result, so in a fused transaction it waits for the next statement (queryDeferred).
 */
@Injectable()
export class HistoryWriter {
  async append(manager: EntityManager, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await queryDeferred(manager, historyInsertSql(1), historyParams(entries));
  }
}
