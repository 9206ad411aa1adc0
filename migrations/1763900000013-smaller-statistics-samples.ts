import type { MigrationInterface, QueryRunner } from 'typeorm';
import { setStatisticsSql } from './1763900000006-skip-statistics-on-documents';

/**
 * The columns the hot tables are analyzed on (the JSON documents are skipped since migration 6).
 * ANALYZE samples 300 rows per unit of the largest statistics target among them.
 */
const ANALYZED_COLUMNS: Record<string, string[]> = {
  blocking_keys: ['key_type', 'key_value', 'source_record_id', 'customer_id'],
  source_records: [
    'source',
    'source_id',
    'customer_id',
    'previous_customer_id',
    'kind',
    'status',
    'content_hash',
    'identity_hash',
    'created_at',
    'updated_at',
  ],
  customers: [
    'customer_number',
    'kind',
    'status',
    'merged_into_id',
    'region_code',
    'created_at',
    'updated_at',
  ],
};

/** 3,000 sampled rows instead of 30,000. */
export const SMALL_STATISTICS_TARGET = 10;

/**
 * The tables that grow with every resolve are analyzed on a sample of 3,000 rows instead of
 * 30,000. They are analyzed each time they grew by a tenth (autovacuum, or StatisticsKeeper where
 * autovacuum is off), about sixty times in a 1,000,000-row import, and every plan that uses their
 * statistics is an index lookup by key, id or customer whose choice does not depend on fine
 * estimates; sorting 30,000 key values and hashes by collation on each of those runs cost more
 * PostgreSQL CPU than it bought.
 */
export class SmallerStatisticsSamples1763900000013 implements MigrationInterface {
  name = 'SmallerStatisticsSamples1763900000013';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of setStatisticsSql(ANALYZED_COLUMNS, SMALL_STATISTICS_TARGET))
      await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    // -1: back to the server's default_statistics_target.
    for (const sql of setStatisticsSql(ANALYZED_COLUMNS, -1)) await db.query(sql);
  }
}
