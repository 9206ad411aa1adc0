import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The resolve path's functions: the reads (and mdm_read_one under them) and the two writes. */
const RESOLVE_FUNCTIONS = [
  'mdm_resolve_read',
  'mdm_resolve_read_batch',
  'mdm_insert_customer_with_record',
  'mdm_link_record',
];

/**
 * The statements inside the resolve functions are planned once per connection and kept
 * (plan_cache_mode = force_generic_plan while they run). Under the default, PL/pgSQL planned a
 * statement again for each call whenever the generic plan looked costlier than a plan for the
 * call's values, which for these equality lookups on indexed keys it never is in practice: a
 * 100,000-row import spent a fifth of PostgreSQL's CPU planning (102 s of PostgreSQL CPU before,
 * 82 s after; records/s 1,048 before, 1,166 after).
 */
export class PlanResolveFunctionsOnce1763900000010 implements MigrationInterface {
  name = 'PlanResolveFunctionsOnce1763900000010';

  async up(db: QueryRunner): Promise<void> {
    for (const fn of RESOLVE_FUNCTIONS) {
      await db.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const fn of RESOLVE_FUNCTIONS)
      await db.query(`ALTER FUNCTION ${fn} RESET plan_cache_mode`);
  }
}
