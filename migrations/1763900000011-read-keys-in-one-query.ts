import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readOneV2 } from './1763900000008-remember-generic-keys';

/**
 * mdm_read_one reads all of a record's keys (their generic_keys entries and their customers) in
 * one query instead of two statements per key. Each PL/pgSQL statement goes through the
 * executor's start and end, which for these small index lookups cost more than the lookups: a
 * record's read took 0.36 ms of PostgreSQL time for about seven keys.
 *
 * CREATE OR REPLACE keeps the function's settings (plan_cache_mode, migration 10) only where they
 * are set on the function itself: mdm_read_one has none, its callers do.
 */
export class ReadKeysInOneQuery1763900000011 implements MigrationInterface {
  name = 'ReadKeysInOneQuery1763900000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true })}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true })}`);
  }
}
