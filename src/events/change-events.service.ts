import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { ChangeEventType } from './change-event.entity';

export interface ChangeEventView {
  id: string;
  type: ChangeEventType;
  customerNumber: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

/**
 * The change feed. Only events of transactions older than every running one are served
 * (tx_id < xmin of the current snapshot), ordered by (tx_id, id): an event that commits late
 * can never land behind a cursor a reader already holds.
 */
@Injectable()
export class ChangeEventsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    after: string | undefined,
    limit: number,
  ): Promise<{ events: ChangeEventView[]; nextCursor: string | null }> {
    const position = after === undefined ? { tx: '0', id: '0' } : decodeCursor(after, ['tx', 'id']);
    const rows = await this.dataSource.query<
      {
        id: string;
        tx_id: string;
        type: ChangeEventType;
        customer_number: string | null;
        payload: Record<string, unknown>;
        created_at: Date;
      }[]
    >(
      `SELECT id, tx_id, type, customer_number, payload, created_at FROM change_events
        WHERE (tx_id, id) > ($1::bigint, $2::bigint)
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY tx_id, id LIMIT $3`,
      [position.tx, position.id, limit],
    );
    const last = rows[rows.length - 1];
    return {
      events: rows.map((r) => ({
        id: r.id,
        type: r.type,
        customerNumber: r.customer_number,
        payload: r.payload,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      nextCursor:
        last === undefined ? (after ?? null) : encodeCursor({ tx: last.tx_id, id: last.id }),
    };
  }
}
