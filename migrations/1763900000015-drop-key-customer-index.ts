import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * blocking_keys loses its index on customer_id. No read looks keys up by customer: candidates are
 * found by (key_type, key_value), a merge moves a customer's keys through its records
 * (source_records by customer, then blocking_keys by record), and the customer search starts from
 * the searched keys. The index cost one entry for each of a record's seven or so key rows.
 */
export class DropKeyCustomerIndex1763900000015 implements MigrationInterface {
  name = 'DropKeyCustomerIndex1763900000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX idx_blocking_keys_customer');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX "idx_blocking_keys_customer" ON "blocking_keys" ("customer_id")`);
  }
}
