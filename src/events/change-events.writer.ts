import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryDeferred } from '../database/fused-transaction';
import { historyInsertSql, historyParams, type HistoryEntry } from '../history/history.writer';
import type { ChangeEventType } from './change-event.entity';

export interface ChangeEventInput {
  type: ChangeEventType;
  customerNumber: string | null;
  /** Ids and numbers only: never personal data. */
  payload?: Record<string, unknown>;
}

/** The event insert with its parameters starting at $first (3 parameters), in the given order. */
export function eventsInsertSql(first: number): string {
  return `INSERT INTO change_events (tx_id, type, customer_number, payload)
       SELECT pg_current_xact_id()::text::bigint, t, n, p
         FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::jsonb[]) WITH ORDINALITY AS e(t, n, p, ord) ORDER BY ord`;
}

export function eventParams(events: readonly ChangeEventInput[]): unknown[] {
  return [
    events.map((e) => e.type),
    events.map((e) => e.customerNumber),
    events.map((e) => JSON.stringify(e.payload ?? {})),
  ];
}

/**
 * The outbox: events are written in the transaction of the change they describe. Nothing reads the
 * inserts' results, so in a fused transaction they wait for the next statement (queryDeferred).
 */
@Injectable()
export class ChangeEventsWriter {
  async write(manager: EntityManager, events: readonly ChangeEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await queryDeferred(manager, eventsInsertSql(1), eventParams(events));
  }

  /** History and events in one round trip (the resolve path counts its round trips). */
  async writeWithHistory(
    manager: EntityManager,
    events: readonly ChangeEventInput[],
    history: readonly HistoryEntry[],
  ): Promise<void> {
    if (history.length === 0) return this.write(manager, events);
    await queryDeferred(
      manager,
      `WITH history AS (${historyInsertSql(1)} RETURNING 1) ${eventsInsertSql(9)}`,
      [...historyParams(history), ...eventParams(events)],
    );
  }
}
