import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Batch imports: the import, its planned chunks, per-row errors and per-row fallback outcomes. */
export class CreateImports1763900000003 implements MigrationInterface {
  name = 'CreateImports1763900000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "imports" (
        "id" uuid NOT NULL,
        "source" character varying(64) NOT NULL,
        "format" character varying(8) NOT NULL,
        "state" character varying(16) NOT NULL DEFAULT 'queued',
        "file_name" character varying(255) NOT NULL,
        "file_bytes" bigint NOT NULL,
        "mapping" jsonb NOT NULL DEFAULT '{}',
        "columns" jsonb,
        "delimiter" character varying(1),
        "rows_total" integer,
        "chunks_total" integer,
        "failure_code" character varying(48),
        "failure_message" character varying(500),
        "created_by" character varying(100) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_imports" PRIMARY KEY ("id"),
        CONSTRAINT "ck_imports_format" CHECK ("format" IN ('csv', 'ndjson')),
        CONSTRAINT "ck_imports_state" CHECK ("state" IN ('queued', 'running', 'completed', 'failed', 'cancelled'))
      )`);
    await db.query(`CREATE INDEX "idx_imports_created_at" ON "imports" ("created_at")`);
    await db.query(`
      CREATE TABLE "import_chunks" (
        "import_id" uuid NOT NULL,
        "chunk_index" integer NOT NULL,
        "start_offset" bigint NOT NULL,
        "end_offset" bigint NOT NULL,
        "first_row" integer NOT NULL,
        "first_line" integer NOT NULL,
        "row_count" integer NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "processed" integer NOT NULL DEFAULT 0,
        "created" integer NOT NULL DEFAULT 0,
        "linked" integer NOT NULL DEFAULT 0,
        "review" integer NOT NULL DEFAULT 0,
        "unchanged" integer NOT NULL DEFAULT 0,
        "rejected" integer NOT NULL DEFAULT 0,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_import_chunks" PRIMARY KEY ("import_id", "chunk_index"),
        CONSTRAINT "ck_import_chunks_status" CHECK ("status" IN ('pending', 'done', 'skipped'))
      )`);
    await db.query(`
      CREATE TABLE "import_errors" (
        "import_id" uuid NOT NULL,
        "row_number" integer NOT NULL,
        "seq" smallint NOT NULL,
        "line_number" integer NOT NULL,
        "field" character varying(100),
        "code" character varying(48) NOT NULL,
        "message" character varying(500) NOT NULL,
        CONSTRAINT "pk_import_errors" PRIMARY KEY ("import_id", "row_number", "seq")
      )`);
    // Written only when a chunk falls back to one transaction per row, so that a re-run after a
    // crash skips the rows already committed and the counters stay exact.
    await db.query(`
      CREATE TABLE "import_row_outcomes" (
        "import_id" uuid NOT NULL,
        "row_number" integer NOT NULL,
        "outcome" character varying(16) NOT NULL,
        CONSTRAINT "pk_import_row_outcomes" PRIMARY KEY ("import_id", "row_number"),
        CONSTRAINT "ck_import_row_outcomes_outcome" CHECK ("outcome" IN ('created', 'linked', 'review', 'unchanged', 'rejected'))
      )`);
    for (const table of ['import_chunks', 'import_errors', 'import_row_outcomes']) {
      await db.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['import_row_outcomes', 'import_errors', 'import_chunks', 'imports']) {
      await db.query(`DROP TABLE "${table}"`);
    }
  }
}
