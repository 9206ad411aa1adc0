import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readOneV2 } from './1763900000008-remember-generic-keys';

/**
 * mdm_read_one takes a second list of key types, p.corroboratingKeyTypes (a mobile's prefix and
 * suffix, CORROBORATING_KEY_TYPES in blocking-keys.ts), that never make a candidate alone, however
 * few customers share them; the partial key types (a name alone) still do while rare.
 */
export class MobileKeysOnlyCorroborate1763900000012 implements MigrationInterface {
  name = 'MobileKeysOnlyCorroborate1763900000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true, corroborating: true })}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true })}`,
    );
  }
}
