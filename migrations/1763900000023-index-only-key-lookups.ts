import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * blocking_keys' primary key carries customer_id (INCLUDE), so that a key lookup, which wants only
 * the customers of a key hash, reads the index alone wherever VACUUM has marked the table's pages
 * all-visible (autovacuum, or StatisticsKeeper where autovacuum is off). Each key row read was a
 * fetch from a heap page anywhere in a table of hundreds of MB, about seven per record, and the
 * heap outgrows PostgreSQL's buffers long before the index does. The entry grows from 24 to 32
 * bytes. A merge that moves keys to another customer now updates the index too (no HOT update);
 * merges are rare beside imports.
 */
export class IndexOnlyKeyLookups1763900000023 implements MigrationInterface {
  name = 'IndexOnlyKeyLookups1763900000023';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE blocking_keys DROP CONSTRAINT pk_blocking_keys');
    await db.query(
      'ALTER TABLE blocking_keys ADD CONSTRAINT pk_blocking_keys PRIMARY KEY (key_hash, source_record_id) INCLUDE (customer_id)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE blocking_keys DROP CONSTRAINT pk_blocking_keys');
    await db.query(
      'ALTER TABLE blocking_keys ADD CONSTRAINT pk_blocking_keys PRIMARY KEY (key_hash, source_record_id)',
    );
  }
}
