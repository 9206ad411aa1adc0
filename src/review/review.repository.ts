import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CustomerKind } from '../normalize/customer-record';
import type { CustomerStatus } from '../customers/customer.entity';
import type { StoredGolden as GoldenRecord } from '../customers/stored-golden';
import type { ReviewDecision, ReviewKind, ReviewStatus } from './review-item.entity';

export type ReviewSort = 'score' | 'age';

export interface ReviewRow {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  customerId: string;
  candidateCustomerId: string;
  sourceRecordId: string | null;
  source: string | null;
  sourceId: string | null;
  score: number;
  explanation: unknown;
  decision: ReviewDecision | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
  createdAt: Date;
  /** Deferred and still open: listed after the items nobody has looked at yet. */
  deferred: boolean;
}

/** Where the previous page ended, in the sort's key order. */
export interface ReviewPosition {
  deferred: 0 | 1;
  id: string;
  score?: number;
}

export interface ReviewFilter {
  status: ReviewStatus;
  kind?: ReviewKind;
  sort: ReviewSort;
  after?: ReviewPosition;
  limit: number;
}

export interface ReviewCounts {
  open: number;
  deferred: number;
  decided: number;
  superseded: number;
  openByKind: Record<ReviewKind, number>;
}

export interface CustomerSideRow {
  id: string;
  customerNumber: string;
  currentId: string;
  currentNumber: string;
  kind: CustomerKind;
  status: CustomerStatus;
  golden: GoldenRecord;
  recordCount: number;
}

const DEFERRED = `(CASE WHEN r.status = 'open' AND r.decision = 'defer' THEN 1 ELSE 0 END)`;

const REVIEW_COLUMNS = `r.id, r.kind, r.status, r.customer_id AS "customerId",
  r.candidate_customer_id AS "candidateCustomerId", r.source_record_id AS "sourceRecordId",
  sr.source, sr.source_id AS "sourceId", r.score, r.explanation, r.decision,
  r.decided_by AS "decidedBy", r.decided_at AS "decidedAt", r.comment, r.created_at AS "createdAt",
  ${DEFERRED} = 1 AS deferred`;

/** SQL of the review queue. Reads use the pool; decision writes take the caller's transaction. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: ReviewFilter): Promise<ReviewRow[]> {
    const params: unknown[] = [filter.status, filter.kind ?? null, filter.limit];
    let after = 'TRUE';
    if (filter.after !== undefined) {
      params.push(filter.after.deferred, filter.after.id);
      after =
        filter.sort === 'score'
          ? `(${DEFERRED} > $4 OR (${DEFERRED} = $4 AND (r.score < $6 OR (r.score = $6 AND r.id > $5))))`
          : `(${DEFERRED} > $4 OR (${DEFERRED} = $4 AND r.id > $5))`;
      if (filter.sort === 'score') params.push(filter.after.score);
    }
    const order = filter.sort === 'score' ? `${DEFERRED}, r.score DESC, r.id` : `${DEFERRED}, r.id`;
    return this.dataSource.query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS}
         FROM review_items r LEFT JOIN source_records sr ON sr.id = r.source_record_id
        WHERE r.status = $1 AND ($2::text IS NULL OR r.kind = $2) AND ${after}
        ORDER BY ${order}
        LIMIT $3`,
      params,
    );
  }

  async counts(): Promise<ReviewCounts> {
    const [row] = await this.dataSource.query<Record<string, number>[]>(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND decision = 'defer')::int AS deferred,
              count(*) FILTER (WHERE status = 'decided')::int AS decided,
              count(*) FILTER (WHERE status = 'superseded')::int AS superseded,
              count(*) FILTER (WHERE status = 'open' AND kind = 'record_match')::int AS record_match,
              count(*) FILTER (WHERE status = 'open' AND kind = 'customer_merge')::int AS customer_merge
         FROM review_items`,
    );
    return {
      open: row.open,
      deferred: row.deferred,
      decided: row.decided,
      superseded: row.superseded,
      openByKind: { record_match: row.record_match, customer_merge: row.customer_merge },
    };
  }

  async findById(id: string, manager?: EntityManager): Promise<ReviewRow | undefined> {
    const rows = await (manager ?? this.dataSource.manager).query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS}
         FROM review_items r LEFT JOIN source_records sr ON sr.id = r.source_record_id
        WHERE r.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The item's row lock: two stewards deciding the same item take turns, the second gets a 409. */
  async lockStatus(manager: EntityManager, id: string): Promise<ReviewStatus | undefined> {
    const rows = await manager.query<{ status: ReviewStatus }[]>(
      'SELECT status FROM review_items WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0]?.status;
  }

  async recordDecision(
    manager: EntityManager,
    id: string,
    decision: ReviewDecision,
    actor: string,
    comment: string | null,
  ): Promise<void> {
    // A deferral is recorded but keeps the item open for the next steward.
    await manager.query(
      `UPDATE review_items SET status = $2, decision = $3, decided_by = $4, decided_at = now(),
              comment = $5, updated_at = now()
        WHERE id = $1`,
      [id, decision === 'defer' ? 'open' : 'decided', decision, actor, comment],
    );
  }

  /** Both sides of many items at once: each customer with the one answering for it now. */
  customerSides(ids: readonly string[]): Promise<CustomerSideRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query<CustomerSideRow[]>(
      `SELECT c.id, c.customer_number AS "customerNumber", s.id AS "currentId",
              s.customer_number AS "currentNumber", s.kind, s.status, s.golden,
              (SELECT count(*)::int FROM source_records sr
                WHERE sr.customer_id = s.id AND sr.status = 'active') AS "recordCount"
         FROM customers c JOIN customers s ON s.id = COALESCE(c.merged_into_id, c.id)
        WHERE c.id = ANY($1::bigint[])`,
      [ids],
    );
  }
}
