import type { MigrationInterface, QueryRunner } from 'typeorm';
import { blockingKeys, type BlockingKeyType } from '../src/matching/blocking-keys';
import type { NormalizedRecord } from '../src/normalize/normalized-record';

/**
 * A mobile's 6-digit prefix and 5-digit suffix are keyed with the full name (nameMobileHead,
 * nameMobileTail) instead of alone (mobileHead, mobileTail). Alone they only corroborated, but every
 * row sharing them was still read, and their rows per lookup grew with the database (16.8 and 8.1
 * at 650,000 records): the largest part of why an import's reads grew from 0.34 to 1.18 ms per
 * record over a million rows. See mobileKeys in src/matching/blocking-keys.ts.
 *
 * The stored records' keys are rebuilt from their normalized documents, in batches of records.
 * Going down restores the old keys from the same documents.
 */
const OLD_TYPES = ['mobileHead', 'mobileTail'];
const NEW_TYPES: readonly BlockingKeyType[] = ['nameMobileHead', 'nameMobileTail'];
const BATCH = 2_000;

interface StoredRecord {
  id: string;
  customerId: string;
  normalized: NormalizedRecord;
}

interface KeyRow {
  type: string;
  value: string;
  recordId: string;
  customerId: string;
}

/** The mobile keys of the version before this migration, kept here as they were. */
function oldMobileKeys(record: NormalizedRecord): { type: string; value: string }[] {
  return record.phones
    .filter((phone) => !phone.placeholder)
    .slice(0, 2)
    .filter((phone) => phone.type !== 'fixed' && /^\+861\d{9,10}$/u.test(phone.e164))
    .flatMap((phone) => {
      const national = phone.e164.slice(3);
      return [
        { type: 'mobileHead', value: national.slice(0, 6) },
        { type: 'mobileTail', value: national.slice(-5) },
      ];
    });
}

function newMobileKeys(record: NormalizedRecord): { type: string; value: string }[] {
  return blockingKeys(record).filter((k) => NEW_TYPES.includes(k.type));
}

/**
 * Replaces the `from` key rows of every record that has keys with `keysOf` its normalized
 * document, BATCH records at a time.
 */
async function rebuildKeys(
  db: QueryRunner,
  from: readonly string[],
  keysOf: (record: NormalizedRecord) => { type: string; value: string }[],
): Promise<void> {
  let after = '0';
  for (;;) {
    // Every record with keys (an active record with a customer): going down, a record without a
    // key of the new types (a company's) may still have had keys of the old ones.
    const records = (await db.query(
      `SELECT r.id, r.customer_id AS "customerId", r.normalized
         FROM source_records r
        WHERE r.id > $1 AND EXISTS (SELECT FROM blocking_keys k WHERE k.source_record_id = r.id)
        ORDER BY r.id
        LIMIT ${BATCH}`,
      [after],
    )) as StoredRecord[];
    if (records.length === 0) break;
    after = records[records.length - 1].id;
    const rows: KeyRow[] = records.flatMap((r) =>
      keysOf(r.normalized).map((k) => ({ ...k, recordId: r.id, customerId: r.customerId })),
    );
    await db.query(
      'DELETE FROM blocking_keys WHERE source_record_id = ANY ($1::bigint[]) AND key_type = ANY ($2)',
      [records.map((r) => r.id), from],
    );
    await db.query(
      `INSERT INTO blocking_keys (key_type, key_value, source_record_id, customer_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((k) => k.type),
        rows.map((k) => k.value),
        rows.map((k) => k.recordId),
        rows.map((k) => k.customerId),
      ],
    );
  }
  // Remembered generic values of the replaced types are no longer looked up.
  await db.query('DELETE FROM generic_keys WHERE key_type = ANY ($1)', [from]);
}

export class NameWithMobileKeys1763900000018 implements MigrationInterface {
  name = 'NameWithMobileKeys1763900000018';

  async up(db: QueryRunner): Promise<void> {
    await rebuildKeys(db, OLD_TYPES, newMobileKeys);
  }

  async down(db: QueryRunner): Promise<void> {
    await rebuildKeys(db, NEW_TYPES, oldMobileKeys);
  }
}
