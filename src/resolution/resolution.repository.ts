import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PARTIAL_KEY_TYPES, type BlockingKey } from '../matching/blocking-keys';
import { keyHash } from '../matching/key-hash';
import type { CustomerKind, CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import type { LinkDecision } from '../customers/source-record.entity';
import { queryWithWaiting } from '../database/fused-transaction';

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
  existing: (StoredSourceRecord & { customerNumber: string | null }) | undefined;
  /**
   * Candidate customers (at most maxCandidates, without the excluded ones), most shared keys first;
   * generic keys and partial keys (PARTIAL_KEY_TYPES) of more than partialKeyLimit are skipped.
   */
  candidateCustomerIds: string[];
  /** The candidates' active records (without the record itself). */
  candidateRecords: CandidateRecord[];
  /** Customers a steward said the stored record is not. */
  excludedCustomerIds: string[];
  population: number;
  nameCount: number;
  /** An id for the record if it is new (ids are cheap; unused ones leave gaps). */
  newRecordId: string | null;
  /** Ids for the customer to mint, when no candidate means the record surely is a new customer. */
  newCustomer: { customerId: string; sequence: number } | null;
  /** The record's keys skipped as generic or as too common partial keys, as "type:value" (GenericKeyMemory). */
  genericKeys: string[];
}

/** What one record's reads look for. */
export interface ResolveReadItem {
  source: string;
  sourceId: string;
  identityHash: string;
  keys: readonly BlockingKey[];
  /**
   * In a batch: draw no new customer's ids for it in the reads even without a candidate. It shares
   * a key with an earlier record of the batch, so it is read again once that one is placed, and
   * draws them then if it still needs them (migration 1763900000026).
   */
  deferCustomer?: boolean;
}

/** How the reads look (the same for every record of a batch). */
export interface ResolveReadSettings {
  genericKeyLimit: number;
  partialKeyLimit: number;
  maxCandidates: number;
  nameCountCap: number;
  /** Whether to allocate a new customer's ids when there is no candidate (not for /v1/match). */
  allocate: boolean;
}

/** mdm_resolve_read's answer, as JSON. */
interface RawReads {
  existing: (StoredSourceRecord & { customerNumber: string | null }) | null;
  newRecordId: string | null;
  excluded: string[];
  candidates: string[];
  records: (Omit<CandidateRecord, 'updatedAt'> & { updatedAt: string })[];
  population: number | string;
  nameCount: number | string;
  newCustomer: { customerId: string; sequence: string } | null;
  generic: string[];
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

function settingsJson(settings: ResolveReadSettings): Record<string, unknown> {
  return {
    genericLimit: settings.genericKeyLimit,
    maxCandidates: settings.maxCandidates,
    nameCountCap: settings.nameCountCap,
    allocate: settings.allocate,
    partialKeyTypes: PARTIAL_KEY_TYPES,
    partialLimit: settings.partialKeyLimit,
  };
}

function itemJson(item: ResolveReadItem): Record<string, unknown> {
  const nameKey = item.keys.find((k) => k.type === 'name');
  return {
    source: item.source,
    sourceId: item.sourceId,
    identityHash: item.identityHash,
    keys: item.keys.map((k) => ({ type: k.type, value: k.value, hash: keyHash(k) })),
    nameKeyType: nameKey?.type ?? '',
    nameKeyValue: nameKey?.value ?? '',
    nameKeyHash: nameKey === undefined ? null : keyHash(nameKey),
    ...(item.deferCustomer === true ? { deferCustomer: true } : {}),
  };
}

/** The argument of mdm_resolve_read_batch: the locks, the settings and the records' items. */
export function batchReadRequest(
  lockIds: readonly string[],
  items: readonly ResolveReadItem[],
  settings: ResolveReadSettings,
): Record<string, unknown> {
  return { locks: lockIds, ...settingsJson(settings), items: items.map(itemJson) };
}

function fromRaw(reads: RawReads): ResolveReads {
  return {
    existing: reads.existing ?? undefined,
    candidateCustomerIds: reads.candidates,
    candidateRecords: reads.records.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) })),
    excludedCustomerIds: reads.excluded,
    population: Number(reads.population),
    nameCount: Number(reads.nameCount),
    newRecordId: reads.newRecordId,
    newCustomer:
      reads.newCustomer === null
        ? null
        : {
            customerId: reads.newCustomer.customerId,
            sequence: Number(reads.newCustomer.sequence),
          },
    genericKeys: reads.generic,
  };
}

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
   * Takes the locks, then reads the record's stored version (locked), its candidate customers with
   * their records, the exclusions and the term-frequency inputs: one call of mdm_resolve_read
   * (migration 1763900000005), which in a fused transaction also carries the BEGIN.
   */
  async readForResolve(
    manager: EntityManager,
    lockIds: readonly string[],
    item: ResolveReadItem,
    settings: ResolveReadSettings,
  ): Promise<ResolveReads> {
    const [row] = await queryWithWaiting<{ reads: RawReads }>(
      manager,
      'SELECT mdm_resolve_read($1::jsonb) AS reads',
      [{ locks: lockIds, ...settingsJson(settings), ...itemJson(item) }],
    );
    return fromRaw(row.reads);
  }

  /** The same for many records at once, after taking all their locks (import chunks). */
  async readBatchForResolve(
    manager: EntityManager,
    lockIds: readonly string[],
    items: readonly ResolveReadItem[],
    settings: ResolveReadSettings,
  ): Promise<ResolveReads[]> {
    const [row] = await queryWithWaiting<{ reads: RawReads[] }>(
      manager,
      'SELECT mdm_resolve_read_batch($1::jsonb) AS reads',
      [batchReadRequest(lockIds, items, settings)],
    );
    return row.reads.map(fromRaw);
  }

  async nextCustomerSequence(manager: EntityManager): Promise<number> {
    const rows = await manager.query<{ n: string }[]>(`SELECT nextval('customer_number_seq') AS n`);
    return Number(rows[0].n);
  }

  /** A customer whose id was allocated beforehand (by the reads, or allocateCustomerIds). */
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
      `INSERT INTO blocking_keys (key_type, key_value, key_hash, source_record_id, customer_id)
       SELECT DISTINCT ON (h) t, v, h, $4::bigint, $5::bigint
         FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(t, v, h)
       ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.type), keys.map((k) => k.value), keys.map(keyHash), recordId, customerId],
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
