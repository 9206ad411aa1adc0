import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HistoryAction } from '../history/customer-history.entity';

export interface HistoryRow {
  id: string;
  at: Date;
  action: HistoryAction;
  actor: string;
  reason: string | null;
  details: Record<string, unknown>;
  reviewId: string | null;
  customerNumber: string;
  relatedCustomerNumber: string | null;
  source: string | null;
  sourceId: string | null;
  reviewExplanation: unknown;
}

/** Reads a customer's audit trail (no transaction needed). */
@Injectable()
export class CustomerHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest first, the customer's own entries and those of every number merged into it: a
   * survivor's history explains the records it took over.
   */
  listForCustomer(
    customerId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<HistoryRow[]> {
    return this.dataSource.query<HistoryRow[]>(
      `SELECT h.id, h.created_at AS "at", h.action, h.actor, h.reason, h.details, h.review_id AS "reviewId",
              c.customer_number AS "customerNumber", rc.customer_number AS "relatedCustomerNumber",
              sr.source, sr.source_id AS "sourceId", ri.explanation AS "reviewExplanation"
         FROM customer_history h
         JOIN customers c ON c.id = h.customer_id
         LEFT JOIN customers rc ON rc.id = h.related_customer_id
         LEFT JOIN source_records sr ON sr.id = h.source_record_id
         LEFT JOIN review_items ri ON ri.id = h.review_id
        WHERE h.customer_id IN (SELECT id FROM customers WHERE id = $1 OR merged_into_id = $1)
          AND ($2::bigint IS NULL OR h.id < $2::bigint)
        ORDER BY h.id DESC
        LIMIT $3`,
      [customerId, beforeId, limit],
    );
  }
}
