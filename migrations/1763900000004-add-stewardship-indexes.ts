import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A survivor's history includes the numbers merged into it, and every merge redirects the numbers
 * merged into the loser: both look customers up by merged_into_id.
 */
export class AddStewardshipIndexes1763900000004 implements MigrationInterface {
  name = 'AddStewardshipIndexes1763900000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX "idx_customers_merged_into" ON "customers" ("merged_into_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "idx_customers_merged_into"`);
  }
}
