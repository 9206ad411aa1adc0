import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The JSON documents of the hot tables: no query filters on them, so no plan uses their statistics. */
const DOCUMENT_COLUMNS: Record<string, string[]> = {
  customers: ['golden', 'pins'],
  source_records: ['raw', 'normalized', 'link'],
  review_items: ['explanation'],
};

/** ALTER TABLE statements setting the statistics target of the given columns of each table. */
export function setStatisticsSql(
  columnsByTable: Record<string, string[]>,
  target: number,
): string[] {
  return Object.entries(columnsByTable).map(
    ([table, columns]) =>
      `ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} SET STATISTICS ${target}`).join(', ')}`,
  );
}

/**
 * ANALYZE skips the JSON documents. The service analyzes the hot tables while they grow
 * (StatisticsKeeper); sampling 30,000 records with their raw and normalized documents took a third
 * of a second of CPU on the 2-core machine, during which resolves waited for a core.
 */
export class SkipStatisticsOnDocuments1763900000006 implements MigrationInterface {
  name = 'SkipStatisticsOnDocuments1763900000006';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of setStatisticsSql(DOCUMENT_COLUMNS, 0)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    // -1: back to the server's default_statistics_target.
    for (const sql of setStatisticsSql(DOCUMENT_COLUMNS, -1)) await db.query(sql);
  }
}
