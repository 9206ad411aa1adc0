import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BlockingKey } from '../matching/blocking-keys';
import { keyHash } from '../matching/key-hash';
import type { CustomerKind } from '../normalize/customer-record';
import type { CustomerStatus, PinnedValue } from './customer.entity';
import type { LinkDecision } from './source-record.entity';
import type { StoredGolden } from './stored-golden';

export interface CustomerRow {
  id: string;
  customerNumber: string;
  kind: CustomerKind;
  status: CustomerStatus;
  mergedIntoId: string | null;
  regionCode: string;
  golden: StoredGolden;
  pins: Record<string, PinnedValue>;
  createdAt: Date;
  updatedAt: Date;
}

export interface SourceRecordRow {
  id: string;
  source: string;
  sourceId: string;
  status: 'active' | 'deleted';
  raw: unknown;
  link: LinkDecision | null;
  createdAt: Date;
  updatedAt: Date;
}

const CUSTOMER_COLUMNS = `id, customer_number AS "customerNumber", kind, status, merged_into_id AS "mergedIntoId",
  region_code AS "regionCode", golden, pins, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Read-only queries behind the customer API (no transaction needed). */
@Injectable()
export class CustomersQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByNumber(customerNumber: string): Promise<CustomerRow | undefined> {
    const rows = await this.dataSource.query<CustomerRow[]>(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE customer_number = $1`,
      [customerNumber],
    );
    return rows[0];
  }

  async findById(id: string): Promise<CustomerRow | undefined> {
    const rows = await this.dataSource.query<CustomerRow[]>(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Active records, and records deleted while on this customer (kept for history). */
  listSourceRecords(customerId: string): Promise<SourceRecordRow[]> {
    return this.dataSource.query<SourceRecordRow[]>(
      `SELECT id, source, source_id AS "sourceId", status, raw, link, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM source_records WHERE customer_id = $1 OR (status = 'deleted' AND previous_customer_id = $1) ORDER BY id`,
      [customerId],
    );
  }

  async sourceKeysOf(
    recordIds: readonly string[],
  ): Promise<Map<string, { source: string; sourceId: string }>> {
    if (recordIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; source: string; source_id: string }[]>(
      'SELECT id, source, source_id FROM source_records WHERE id = ANY($1::bigint[])',
      [recordIds],
    );
    return new Map(rows.map((r) => [r.id, { source: r.source, sourceId: r.source_id }]));
  }

  async findSourceRecord(
    source: string,
    sourceId: string,
  ): Promise<
    | { status: 'active' | 'deleted'; customerNumber: string | null; link: LinkDecision | null }
    | undefined
  > {
    const rows = await this.dataSource.query<
      { status: 'active' | 'deleted'; customerNumber: string | null; link: LinkDecision | null }[]
    >(
      `SELECT r.status, s.customer_number AS "customerNumber", r.link
         FROM source_records r
         LEFT JOIN customers c ON c.id = r.customer_id
         LEFT JOIN customers s ON s.id = COALESCE(c.merged_into_id, c.id)
        WHERE r.source = $1 AND r.source_id = $2`,
      [source, sourceId],
    );
    return rows[0];
  }

  /** Customers holding every given key (one key per searched field), by id after the cursor. */
  async searchByKeys(
    keyGroups: readonly BlockingKey[][],
    afterId: string,
    limit: number,
  ): Promise<CustomerRow[]> {
    const conditions = keyGroups.map(
      (_group, i) =>
        `c.id IN (SELECT b.customer_id FROM blocking_keys b WHERE b.key_hash = ANY ($${i + 3}::bigint[]))`,
    );
    const params: unknown[] = [afterId, limit];
    for (const group of keyGroups) params.push(group.map(keyHash));
    return this.dataSource.query<CustomerRow[]>(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id > $1 AND c.status <> 'merged' AND ${conditions.join(' AND ')}
        ORDER BY c.id LIMIT $2`,
      params,
    );
  }

  async countRecords(customerIds: readonly string[]): Promise<Map<string, number>> {
    if (customerIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ customer_id: string; n: number }[]>(
      `SELECT customer_id, count(*)::int AS n FROM source_records WHERE customer_id = ANY($1::bigint[]) AND status = 'active' GROUP BY customer_id`,
      [customerIds],
    );
    return new Map(rows.map((r) => [r.customer_id, r.n]));
  }
}
