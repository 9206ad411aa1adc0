import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partial index of the chunks still pending. Every finished chunk asks whether its import has
 * any pending chunk left (ImportsRepository.completeIfDone). Without the index that question was
 * answered by scanning import_chunks until a pending row of the import turned up: past the done
 * chunks of this import, and (with the planner's sequential scan) past every chunk of every earlier
 * import, so each import ran slower than the one before. The index holds only pending rows, so it
 * stays as small as the imports in flight and the question costs one probe.
 */
export class IndexPendingChunks1763900000023 implements MigrationInterface {
  name = 'IndexPendingChunks1763900000023';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "idx_import_chunks_pending" ON "import_chunks" ("import_id", "chunk_index") WHERE "status" = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX "idx_import_chunks_pending"');
  }
}
