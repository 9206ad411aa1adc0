import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  RECORD_PARAMS,
  TRAIL_PARAMS,
  WRITE_RECORD_AND_KEYS,
  WRITE_TRAIL,
} from './1763900000007-add-record-placement-functions';

/**
 * mdm_link_record with the customer locked by `lockCustomer` (its SET clause is restated), writing
 * the record and its keys with `recordAndKeys`.
 */
export function linkRecordFunction(
  lockCustomer: string,
  updateGolden: string,
  recordAndKeys = WRITE_RECORD_AND_KEYS,
): string {
  return `
    CREATE OR REPLACE FUNCTION mdm_link_record(${RECORD_PARAMS}, ${TRAIL_PARAMS})
    RETURNS void LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan AS $fn$
    BEGIN
      ${lockCustomer}
      PERFORM mdm_require(FOUND);
      ${recordAndKeys}
      ${updateGolden}
      ${WRITE_TRAIL}
    END $fn$`;
}

/** Migration 14's lock: the UPDATE that writes the golden record. */
export const LOCK_BY_UPDATE = `UPDATE customers SET golden = p_golden, updated_at = now()
         WHERE id = p_customer_id AND status = 'active';`;

const LOCK_THEN_UPDATE = [
  `PERFORM 1 FROM customers WHERE id = p_customer_id AND status = 'active' FOR UPDATE;`,
  'UPDATE customers SET golden = p_golden, updated_at = now() WHERE id = p_customer_id;',
] as const;

/**
 * A new record's two writes do less:
 *
 * - mdm_link_record updates the customer's golden record in the statement that locks it, instead
 *   of locking the row (SELECT ... FOR UPDATE, which writes the lock into the tuple and the WAL)
 *   and updating it afterwards. A customer merged away or emptied meanwhile still fails the
 *   statement with MDM01: the UPDATE waits for the other transaction and then finds no active row.
 * - blocking_keys loses its foreign key to source_records. The table is derived (the keys of each
 *   record's normalised form), written and deleted only beside its record in the same functions
 *   and transactions, and source records are never deleted; the constraint checked each of a
 *   record's seven or so key rows against the record just inserted, once per key row.
 */
export class LighterRecordWrites1763900000014 implements MigrationInterface {
  name = 'LighterRecordWrites1763900000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(linkRecordFunction(LOCK_BY_UPDATE, ''));
    await db.query('ALTER TABLE blocking_keys DROP CONSTRAINT fk_blocking_keys_source_record');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "blocking_keys" ADD CONSTRAINT "fk_blocking_keys_source_record" FOREIGN KEY ("source_record_id") REFERENCES "source_records"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(linkRecordFunction(...LOCK_THEN_UPDATE));
  }
}
