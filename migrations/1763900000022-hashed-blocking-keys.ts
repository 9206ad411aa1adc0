import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { BlockingKey } from '../src/matching/blocking-keys';
import { keyHash } from '../src/matching/key-hash';
import { setStatisticsSql } from './1763900000006-skip-statistics-on-documents';
import { readOneV2 } from './1763900000008-remember-generic-keys';
import { SMALL_STATISTICS_TARGET } from './1763900000013-smaller-statistics-samples';
import { PLACE_RECORDS } from './1763900000021-place-records-in-batches';

/** mdm_read_one as migration 20 left it, and with lookups by hash. */
const READ_ONE_BY_STRINGS = readOneV2({
  reportGeneric: true,
  keysInOneQuery: true,
  skipPartial: true,
  probeGenericKeys: true,
});
const READ_ONE_BY_HASH = readOneV2({
  reportGeneric: true,
  keysInOneQuery: true,
  skipPartial: true,
  probeGenericKeys: true,
  hashedKeys: true,
});

const KEYS_BY_STRINGS = `INSERT INTO blocking_keys (key_type, key_value, source_record_id, customer_id)
    SELECT DISTINCT k->>0, k->>1, (i->>'recordId')::bigint, (i->>'customerId')::bigint`;
/** A key is [type, value, hash]; two keys of one record sharing a hash are one lookup, one row. */
const KEYS_BY_HASH = `INSERT INTO blocking_keys (key_type, key_value, key_hash, source_record_id, customer_id)
    SELECT DISTINCT ON ((k->>2)::bigint, (i->>'recordId')::bigint)
           k->>0, k->>1, (k->>2)::bigint, (i->>'recordId')::bigint, (i->>'customerId')::bigint`;

function placeRecordsWritingHashes(): string {
  if (!PLACE_RECORDS.includes(KEYS_BY_STRINGS)) {
    throw new Error('migration 22: the key insert of mdm_place_records was not found');
  }
  return PLACE_RECORDS.replace(KEYS_BY_STRINGS, KEYS_BY_HASH);
}

/** Records whose keys are hashed per statement (by source record id range). */
const HASH_BATCH = 20_000;

/**
 * blocking_keys is indexed by a 53-bit hash of each key (src/matching/key-hash.ts) instead of its
 * type and value strings: the primary key becomes (key_hash, source_record_id).
 *
 * Why: every import record inserts about seven key rows at random places of that index and looks
 * up about seven keys in it. With the strings, an entry took about 55 bytes and each comparison
 * went through the collation; the index reached 426 MB at 800,000 records, outgrew PostgreSQL's
 * buffers, and the import slowed down as it grew (README, Benchmarks). An entry is now 24 bytes
 * and compares as an integer. The type and value stay in the row, unindexed, for reading and for
 * rolling back.
 *
 * The hash is computed by the service, never by PostgreSQL: the same function writes and reads,
 * in server and embedded mode alike. Existing rows are hashed here, in batches by record.
 * mdm_link_record and mdm_insert_customer_with_record (unused since migration 21) do not write
 * the hash and fail if called; they stay only for rolling back past migration 21.
 */
export class HashedBlockingKeys1763900000022 implements MigrationInterface {
  name = 'HashedBlockingKeys1763900000022';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE blocking_keys ADD COLUMN key_hash bigint');
    await hashExistingKeys(db);
    await db.query('ALTER TABLE blocking_keys ALTER COLUMN key_hash SET NOT NULL');
    // Sampled like the table's other columns (migration 13).
    for (const sql of setStatisticsSql({ blocking_keys: ['key_hash'] }, SMALL_STATISTICS_TARGET)) {
      await db.query(sql);
    }
    await db.query('ALTER TABLE blocking_keys DROP CONSTRAINT pk_blocking_keys');
    await db.query(
      'ALTER TABLE blocking_keys ADD CONSTRAINT pk_blocking_keys PRIMARY KEY (key_hash, source_record_id)',
    );
    await db.query(`CREATE OR REPLACE FUNCTION ${READ_ONE_BY_HASH}`);
    await db.query('DROP FUNCTION mdm_place_records(jsonb)');
    await db.query(placeRecordsWritingHashes());
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION mdm_place_records(jsonb)');
    await db.query(PLACE_RECORDS);
    await db.query(`CREATE OR REPLACE FUNCTION ${READ_ONE_BY_STRINGS}`);
    await db.query('ALTER TABLE blocking_keys DROP CONSTRAINT pk_blocking_keys');
    await db.query(
      'ALTER TABLE blocking_keys ADD CONSTRAINT pk_blocking_keys PRIMARY KEY (key_type, key_value, source_record_id)',
    );
    await db.query('ALTER TABLE blocking_keys DROP COLUMN key_hash');
  }
}

async function hashExistingKeys(db: QueryRunner): Promise<void> {
  const [{ last }] = (await db.query(
    'SELECT COALESCE(max(source_record_id), 0)::float8 AS last FROM blocking_keys',
  )) as { last: number }[];
  for (let from = 0; from < last; from += HASH_BATCH) {
    const rows = (await db.query(
      `SELECT key_type AS type, key_value AS value, source_record_id::text AS "recordId"
         FROM blocking_keys WHERE source_record_id > $1 AND source_record_id <= $2`,
      [from, from + HASH_BATCH],
    )) as (BlockingKey & { recordId: string })[];
    if (rows.length === 0) continue;
    await db.query(
      `UPDATE blocking_keys b SET key_hash = u.hash
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS u(type, value, record_id, hash)
        WHERE b.source_record_id = u.record_id AND b.key_type = u.type AND b.key_value = u.value`,
      [
        rows.map((r) => r.type),
        rows.map((r) => r.value),
        rows.map((r) => r.recordId),
        rows.map((r) => keyHash(r)),
      ],
    );
  }
}
