import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChangeEventType } from './change-event.entity';

export interface ChangeEventInput {
  type: ChangeEventType;
  customerNumber: string | null;
  /** Ids and numbers only: never personal data. */
  payload?: Record<string, unknown>;
}

/** The outbox: events are written in the transaction of the change they describe. */
@Injectable()
export class ChangeEventsWriter {
  async write(manager: EntityManager, events: readonly ChangeEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO change_events (tx_id, type, customer_number, payload)
       SELECT pg_current_xact_id()::text::bigint, t, n, p
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e(t, n, p, ord) ORDER BY ord`,
      [
        events.map((e) => e.type),
        events.map((e) => e.customerNumber),
        events.map((e) => JSON.stringify(e.payload ?? {})),
      ],
    );
  }
}
