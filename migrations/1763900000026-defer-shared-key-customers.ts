import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_BATCH_SET_BASED } from './1763900000025-set-based-batch-reads';

const NEEDS_CUSTOMER_25 =
  'NOT i.existing_active AND cardinality(i.candidates) = 0 AND v_remember AS needs_customer';

/**
 * mdm_resolve_read_batch no longer draws a new customer's ids for a record whose item says
 * `deferCustomer`: a record that shares a key with an earlier record of its chunk
 * (ResolutionService.resolveBatch). Such a record is always read again after the earlier ones are
 * placed, and often links to one of them; the ids drawn for it were then never used, and sequences
 * do not give them back. The gaps cost more than customer numbers: the term-frequency population
 * is the numbers drawn so far, so every wasted number made later records' population differ from
 * resolving the same rows one by one. The record draws its ids when it is decided, if it needs them.
 */
export const READ_BATCH_DEFERRING = READ_BATCH_SET_BASED.replace(
  NEEDS_CUSTOMER_25,
  `NOT i.existing_active AND cardinality(i.candidates) = 0 AND v_remember
             AND NOT COALESCE((i.item->>'deferCustomer')::boolean, false) AS needs_customer`,
);

export class DeferSharedKeyCustomers1763900000026 implements MigrationInterface {
  name = 'DeferSharedKeyCustomers1763900000026';

  async up(db: QueryRunner): Promise<void> {
    if (READ_BATCH_DEFERRING === READ_BATCH_SET_BASED) {
      throw new Error('migration 26: the clause of migration 25 to replace was not found');
    }
    await db.query(READ_BATCH_DEFERRING);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(READ_BATCH_SET_BASED);
  }
}
