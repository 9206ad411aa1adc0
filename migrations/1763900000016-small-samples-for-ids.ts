import type { MigrationInterface, QueryRunner } from 'typeorm';
import { setStatisticsSql } from './1763900000006-skip-statistics-on-documents';
import { SMALL_STATISTICS_TARGET } from './1763900000013-smaller-statistics-samples';

/** The columns migration 13 left at the server's default target. */
const ID_COLUMNS: Record<string, string[]> = {
  source_records: ['id'],
  customers: ['id'],
};

/**
 * Migration 13 meant the growing tables to be analyzed on 3,000 sampled rows, but left their `id`
 * columns at the server's default target (100), and ANALYZE samples 300 rows per unit of the
 * largest target among a table's columns: source_records and customers were still sampled at
 * 30,000 rows. In a 50,000-row import their ANALYZE runs took a quarter of PostgreSQL's time
 * (pg_stat_statements: 8.4 of 33 s). No plan needs fine statistics on a primary key (a lookup by
 * id finds one row whatever they say).
 */
export class SmallSamplesForIds1763900000016 implements MigrationInterface {
  name = 'SmallSamplesForIds1763900000016';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of setStatisticsSql(ID_COLUMNS, SMALL_STATISTICS_TARGET)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of setStatisticsSql(ID_COLUMNS, -1)) await db.query(sql);
  }
}
