import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTERS = [
  'chunks_planned',
  'chunks_done',
  'rows_read',
  'processed',
  'created',
  'linked',
  'review',
  'unchanged',
  'rejected',
];

/**
 * An import's progress counters are kept on its row, added to in the same statement or
 * transaction that plans or finishes each chunk (ImportChunksRepository), instead of being summed
 * over its chunks on every GET /v1/imports/{id}. The sum read every chunk of the import: about 17
 * ms per poll at the end of a 1,000,000-row import (20,000 chunks), and GET /v1/imports did it
 * for every import on the page, however long finished. The chunks keep their own counters; the
 * import's are exact because a chunk changes state once, under its row lock, in the transaction
 * that adds its counts.
 */
export class ImportRunningTotals1763900000024 implements MigrationInterface {
  name = 'ImportRunningTotals1763900000024';

  async up(db: QueryRunner): Promise<void> {
    for (const column of COUNTERS) {
      await db.query(`ALTER TABLE "imports" ADD "${column}" integer NOT NULL DEFAULT 0`);
    }
    await db.query(`ALTER TABLE "imports" ADD "first_chunk_started_at" TIMESTAMP WITH TIME ZONE`);
    await db.query(`ALTER TABLE "imports" ADD "last_chunk_finished_at" TIMESTAMP WITH TIME ZONE`);
    // Imports that exist already: their counters as the chunks hold them.
    await db.query(`
      UPDATE imports i
         SET chunks_planned = t.chunks_planned, chunks_done = t.chunks_done, rows_read = t.rows_read,
             processed = t.processed, created = t.created, linked = t.linked, review = t.review,
             unchanged = t.unchanged, rejected = t.rejected,
             first_chunk_started_at = t.first_started, last_chunk_finished_at = t.last_finished
        FROM (SELECT import_id, count(*) AS chunks_planned,
                     count(*) FILTER (WHERE status <> 'pending') AS chunks_done,
                     sum(row_count) AS rows_read, sum(processed) AS processed,
                     sum(created) AS created, sum(linked) AS linked, sum(review) AS review,
                     sum(unchanged) AS unchanged, sum(rejected) AS rejected,
                     min(started_at) AS first_started, max(finished_at) AS last_finished
                FROM import_chunks GROUP BY import_id) t
       WHERE t.import_id = i.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const column of [...COUNTERS, 'first_chunk_started_at', 'last_chunk_finished_at']) {
      await db.query(`ALTER TABLE "imports" DROP COLUMN "${column}"`);
    }
  }
}
