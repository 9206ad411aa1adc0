import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readOneV2 } from './1763900000008-remember-generic-keys';

/**
 * The resolve reads also answer which of the record's keys they skipped as generic. The service
 * remembers them (GenericKeyMemory) and no longer takes their advisory locks: a generic key finds
 * no candidates, so two records sharing only it never need to wait for each other, while every
 * chunk of an import holding a "service@" mailbox or a very common name did.
 */
export class ReportGenericKeys1763900000009 implements MigrationInterface {
  name = 'ReportGenericKeys1763900000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION ${readOneV2({ reportGeneric: true })}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION ${readOneV2()}`);
  }
}
