import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readOneV2 } from './1763900000008-remember-generic-keys';

/**
 * A partial key (a full name alone, its phonetic code) found shared by more than partialLimit
 * customers is remembered in generic_keys with its customer count, like a generic key, and every
 * later read skips it with one index probe instead of reading its rows. Until now it corroborated:
 * a customer sharing it and nothing else was no candidate, and its rows, up to 4 × genericLimit + 1,
 * were read by every record with that name. In the 1,000,000-row import bench data a common name's
 * rows were the largest part of a record's key rows, growing from 3.7 to 6.2 per record over the
 * million (of 7.7 to 11.1 in all); skipping them instead left the offline resolver's pairwise F1
 * unchanged (97.64 % over the first 300,000 rows). A name's frequency for the term-frequency
 * adjustment comes from the stored count, as for a generic name.
 *
 * Mobile keys no longer corroborate either (migration 18 keys them with the name), so the function
 * loses p.corroboratingKeyTypes.
 */
export class SkipKnownPartialKeys1763900000019 implements MigrationInterface {
  name = 'SkipKnownPartialKeys1763900000019';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true, skipPartial: true })}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true, keysInOneQuery: true, corroborating: true })}`,
    );
  }
}
