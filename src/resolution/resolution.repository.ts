import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BlockingKey } from '../matching/blocking-keys';
import type { CustomerKind, CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import type { LinkDecision } from '../customers/source-record.entity';

export interface StoredSourceRecord {
  id: string;
  customerId: string | null;
  contentHash: string;
  identityHash: string;
  status: 'active' | 'deleted';
}

export interface CandidateRecord {
  recordId: string;
  customerId: string;
  customerNumber: string;
  /** The customer's steward pins (survivorship keeps them). */
  pins: Record<string, { value: unknown }>;
  source: string;
  updatedAt: Date;
  normalized: NormalizedRecord;
}

/** Everything the resolve path reads after taking its locks, in one round trip. */
export interface ResolveReads {
  existing: StoredSourceRecord | undefined;
  candidateCustomerIds: string[];
  population: number;
  nameCount: number;
  /** An id for the record if it is new (ids are cheap; unused ones leave gaps). */
  newRecordId: string;
}

export interface NewSourceRecord {
  source: string;
  sourceId: string;
  kind: CustomerKind;
  raw: CustomerRecordInput;
  normalized: NormalizedRecord;
  contentHash: string;
  identityHash: string;
  customerId: string;
  link: LinkDecision;
}

/**
 * Customers sharing a blocking key ($3 types, $4 values) with a record, skipping generic keys
 * (shared by more than $5 customers); merged customers are followed to their survivor.
 */
const CANDIDATES_SQL = `
  WITH k AS (SELECT * FROM unnest($3::text[], $4::text[]) AS k(key_type, key_value)),
       hits AS (
         SELECT s.customer_ids FROM k CROSS JOIN LATERAL (
           SELECT array_agg(DISTINCT b.customer_id) AS customer_ids
             FROM (SELECT customer_id FROM blocking_keys b
                    WHERE b.key_type = k.key_type AND b.key_value = k.key_value
                    LIMIT $5 * 4 + 1) b) s)
  SELECT DISTINCT COALESCE(c.merged_into_id, c.id)
    FROM hits CROSS JOIN LATERAL unnest(hits.customer_ids) AS cid
    JOIN customers c ON c.id = cid
   WHERE cardinality(hits.customer_ids) <= $5 AND c.status <> 'inactive'`;

/**
 * SQL of the resolve path. Every method takes the transaction's EntityManager: the whole resolve
 * (locks, reads, writes, events) is one transaction.
 */
@Injectable()
export class ResolutionRepository {
  async lock(manager: EntityManager, lockIds: readonly string[]): Promise<void> {
    // unnest keeps the array's (ascending) order, so locks are taken in that order.
    await manager.query('SELECT pg_advisory_xact_lock(id) FROM unnest($1::bigint[]) AS id', [
      lockIds,
    ]);
  }

  async findSourceRecord(
    manager: EntityManager,
    source: string,
    sourceId: string,
  ): Promise<StoredSourceRecord | undefined> {
    const rows = await manager.query<StoredSourceRecord[]>(
      `SELECT id, customer_id AS "customerId", content_hash AS "contentHash", identity_hash AS "identityHash", status
         FROM source_records WHERE source = $1 AND source_id = $2 FOR UPDATE`,
      [source, sourceId],
    );
    return rows[0];
  }

  /**
   * The record's stored version (locked), its candidate customers and the term-frequency inputs
   * in one statement. Must run after the advisory locks: the statement's snapshot then includes
   * every transaction that held them.
   */
  async readForResolve(
    manager: EntityManager,
    source: string,
    sourceId: string,
    keys: readonly BlockingKey[],
    genericLimit: number,
    nameCountCap: number,
  ): Promise<ResolveReads> {
    const nameKey = keys.find((k) => k.type === 'name');
    const [row] = await manager.query<
      {
        existing: StoredSourceRecord | null;
        record_id: string;
        candidates: string[];
        population: string;
        name_count: number;
      }[]
    >(
      `SELECT to_jsonb(e) AS existing, nextval('source_records_id_seq')::text AS record_id,
              ARRAY(${CANDIDATES_SQL}) AS candidates,
              (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM customer_number_seq) AS population,
              (SELECT count(DISTINCT customer_id)::int FROM
                 (SELECT customer_id FROM blocking_keys WHERE key_type = $6 AND key_value = $7 LIMIT $8) n) AS name_count
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT id::text, customer_id::text AS "customerId", content_hash AS "contentHash", identity_hash AS "identityHash", status
             FROM source_records WHERE source = $1 AND source_id = $2 FOR UPDATE
         ) e ON true`,
      [
        source,
        sourceId,
        keys.map((k) => k.type),
        keys.map((k) => k.value),
        genericLimit,
        nameKey?.type ?? '',
        nameKey?.value ?? '',
        nameCountCap,
      ],
    );
    return {
      existing: row.existing ?? undefined,
      candidateCustomerIds: row.candidates.map(String),
      population: Number(row.population),
      nameCount: row.name_count,
      newRecordId: row.record_id,
    };
  }

  async loadActiveRecords(
    manager: EntityManager,
    customerIds: readonly string[],
  ): Promise<CandidateRecord[]> {
    if (customerIds.length === 0) return [];
    return manager.query<CandidateRecord[]>(
      `SELECT r.id AS "recordId", r.customer_id AS "customerId", c.customer_number AS "customerNumber", c.pins,
              r.source, r.updated_at AS "updatedAt", r.normalized
         FROM source_records r JOIN customers c ON c.id = r.customer_id
        WHERE r.customer_id = ANY($1::bigint[]) AND r.status = 'active'`,
      [customerIds],
    );
  }

  /** Customers the steward said this record is not (while both records are unchanged). */
  async excludedCustomers(
    manager: EntityManager,
    recordId: string,
    identityHash: string,
  ): Promise<Set<string>> {
    const rows = await manager.query<{ customer_id: string }[]>(
      `SELECT DISTINCT COALESCE(c.merged_into_id, c.id) AS customer_id
         FROM match_exclusions e
         JOIN source_records other ON other.id = CASE WHEN e.record_a_id = $1 THEN e.record_b_id ELSE e.record_a_id END
         JOIN customers c ON c.id = other.customer_id
        WHERE (e.record_a_id = $1 AND e.identity_hash_a = $2 AND e.identity_hash_b = other.identity_hash)
           OR (e.record_b_id = $1 AND e.identity_hash_b = $2 AND e.identity_hash_a = other.identity_hash)`,
      [recordId, identityHash],
    );
    return new Set(rows.map((r) => r.customer_id));
  }

  async nextCustomerSequence(manager: EntityManager): Promise<number> {
    const rows = await manager.query<{ n: string }[]>(`SELECT nextval('customer_number_seq') AS n`);
    return Number(rows[0].n);
  }

  /** A customer whose id was allocated beforehand (RecordPlacementRepository.allocateIds). */
  async insertCustomerWithId(
    manager: EntityManager,
    id: string,
    customerNumber: string,
    kind: CustomerKind,
    regionCode: string,
    golden: unknown,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO customers (id, customer_number, kind, region_code, golden) VALUES ($1, $2, $3, $4, $5)`,
      [id, customerNumber, kind, regionCode, golden],
    );
  }

  async insertBlockingKeys(
    manager: EntityManager,
    recordId: string,
    customerId: string,
    keys: readonly BlockingKey[],
  ): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO blocking_keys (key_type, key_value, source_record_id, customer_id)
       SELECT DISTINCT t, v, $3::bigint, $4::bigint FROM unnest($1::text[], $2::text[]) AS k(t, v)
       ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.type), keys.map((k) => k.value), recordId, customerId],
    );
  }

  async insertCustomer(
    manager: EntityManager,
    customerNumber: string,
    kind: CustomerKind,
    regionCode: string,
  ): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO customers (customer_number, kind, region_code) VALUES ($1, $2, $3) RETURNING id`,
      [customerNumber, kind, regionCode],
    );
    return rows[0].id;
  }

  async insertSourceRecord(manager: EntityManager, r: NewSourceRecord): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO source_records (source, source_id, customer_id, kind, raw, normalized, content_hash, identity_hash, link)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        r.source,
        r.sourceId,
        r.customerId,
        r.kind,
        r.raw,
        r.normalized,
        r.contentHash,
        r.identityHash,
        r.link,
      ],
    );
    return rows[0].id;
  }

  async updateSourceRecord(manager: EntityManager, id: string, r: NewSourceRecord): Promise<void> {
    await manager.query(
      `UPDATE source_records SET customer_id = $2, kind = $3, raw = $4, normalized = $5, content_hash = $6,
              identity_hash = $7, link = $8, status = 'active', updated_at = now() WHERE id = $1`,
      [id, r.customerId, r.kind, r.raw, r.normalized, r.contentHash, r.identityHash, r.link],
    );
  }

  async replaceBlockingKeys(
    manager: EntityManager,
    recordId: string,
    customerId: string,
    keys: readonly BlockingKey[],
  ): Promise<void> {
    await manager.query('DELETE FROM blocking_keys WHERE source_record_id = $1', [recordId]);
    await this.insertBlockingKeys(manager, recordId, customerId, keys);
  }

  async customerNumberOf(manager: EntityManager, customerId: string): Promise<string> {
    const rows = await manager.query<{ customer_number: string }[]>(
      `SELECT s.customer_number FROM customers c JOIN customers s ON s.id = COALESCE(c.merged_into_id, c.id) WHERE c.id = $1`,
      [customerId],
    );
    return rows[0].customer_number;
  }

  async customerNumbersOf(
    manager: EntityManager,
    customerIds: readonly string[],
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; customer_number: string }[]>(
      'SELECT id, customer_number FROM customers WHERE id = ANY($1::bigint[])',
      [customerIds],
    );
    return new Map(rows.map((r) => [r.id, r.customer_number]));
  }

  async countActiveRecords(manager: EntityManager, customerId: string): Promise<number> {
    const rows = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM source_records WHERE customer_id = $1 AND status = 'active'`,
      [customerId],
    );
    return rows[0].n;
  }

  /** The channel deleted its record: detached from its customer, keys dropped, kept for history. */
  async markDeleted(manager: EntityManager, recordId: string): Promise<void> {
    await manager.query('DELETE FROM blocking_keys WHERE source_record_id = $1', [recordId]);
    await manager.query(
      `UPDATE source_records SET status = 'deleted', previous_customer_id = customer_id, customer_id = NULL, updated_at = now()
        WHERE id = $1`,
      [recordId],
    );
  }
}
