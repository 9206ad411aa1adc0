import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readOneV2 } from './1763900000008-remember-generic-keys';

/**
 * mdm_read_one probes generic_keys by index for each of a record's keys instead of joining it:
 * the function's generic plan hashed the whole table for every read, and the table grows with the
 * database (2,500 remembered keys after 800,000 imported records since migration 19). See
 * PROBE_GENERIC_KEYS in migration 8's file.
 */
export class ProbeGenericKeys1763900000020 implements MigrationInterface {
  name = 'ProbeGenericKeys1763900000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true, skipPartial: true, probeGenericKeys: true })}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true, skipPartial: true })}`,
    );
  }
}
