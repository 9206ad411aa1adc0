import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers, source records, blocking keys, reviews, exclusions, history and the change feed. */
export class CreateResolutionSchema1763900000002 implements MigrationInterface {
  name = 'CreateResolutionSchema1763900000002';

  async up(db: QueryRunner): Promise<void> {
    // Customer numbers come from one sequence so they are unique and never reused.
    await db.query(`CREATE SEQUENCE "customer_number_seq" AS bigint START 1`);
    await db.query(`
      CREATE TABLE "customers" (
        "id" BIGSERIAL NOT NULL,
        "customer_number" character varying(32) NOT NULL,
        "kind" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'active',
        "merged_into_id" bigint,
        "region_code" character varying(2) NOT NULL,
        "golden" jsonb NOT NULL DEFAULT '{}',
        "pins" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_customers_customer_number" UNIQUE ("customer_number"),
        CONSTRAINT "pk_customers" PRIMARY KEY ("id"),
        CONSTRAINT "ck_customers_status" CHECK ("status" IN ('active', 'inactive', 'merged')),
        CONSTRAINT "ck_customers_kind" CHECK ("kind" IN ('person', 'organization'))
      )`);
    await db.query(`
      CREATE TABLE "source_records" (
        "id" BIGSERIAL NOT NULL,
        "source" character varying(64) NOT NULL,
        "source_id" character varying(256) NOT NULL,
        "customer_id" bigint,
        "previous_customer_id" bigint,
        "kind" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'active',
        "raw" jsonb NOT NULL,
        "normalized" jsonb NOT NULL,
        "content_hash" character varying(64) NOT NULL,
        "identity_hash" character varying(64) NOT NULL,
        "link" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_source_records_source_key" UNIQUE ("source", "source_id"),
        CONSTRAINT "pk_source_records" PRIMARY KEY ("id")
      )`);
    await db.query(
      `CREATE INDEX "idx_source_records_customer" ON "source_records" ("customer_id")`,
    );
    await db.query(`
      CREATE TABLE "blocking_keys" (
        "key_type" character varying(24) NOT NULL,
        "key_value" character varying(128) NOT NULL,
        "source_record_id" bigint NOT NULL,
        "customer_id" bigint NOT NULL,
        CONSTRAINT "pk_blocking_keys" PRIMARY KEY ("key_type", "key_value", "source_record_id")
      )`);
    await db.query(`CREATE INDEX "idx_blocking_keys_customer" ON "blocking_keys" ("customer_id")`);
    await db.query(
      `CREATE INDEX "idx_blocking_keys_source_record" ON "blocking_keys" ("source_record_id")`,
    );
    await db.query(`
      CREATE TABLE "review_items" (
        "id" BIGSERIAL NOT NULL,
        "kind" character varying(24) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'open',
        "customer_id" bigint NOT NULL,
        "candidate_customer_id" bigint NOT NULL,
        "source_record_id" bigint,
        "score" double precision NOT NULL,
        "explanation" jsonb NOT NULL,
        "decision" character varying(16),
        "decided_by" character varying(100),
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "comment" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_review_items" PRIMARY KEY ("id")
      )`);
    await db.query(
      `CREATE INDEX "idx_review_items_status_created" ON "review_items" ("status", "created_at")`,
    );
    // At most one open review per unordered pair of customers.
    await db.query(`
      CREATE UNIQUE INDEX "uq_review_items_open_pair" ON "review_items"
        (LEAST("customer_id", "candidate_customer_id"), GREATEST("customer_id", "candidate_customer_id"))
        WHERE "status" = 'open'`);
    await db.query(`
      CREATE TABLE "match_exclusions" (
        "id" BIGSERIAL NOT NULL,
        "record_a_id" bigint NOT NULL,
        "record_b_id" bigint NOT NULL,
        "identity_hash_a" character varying(64) NOT NULL,
        "identity_hash_b" character varying(64) NOT NULL,
        "review_id" bigint,
        "created_by" character varying(100) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_match_exclusions_pair" UNIQUE ("record_a_id", "record_b_id"),
        CONSTRAINT "pk_match_exclusions" PRIMARY KEY ("id")
      )`);
    await db.query(
      `CREATE INDEX "idx_match_exclusions_record_b" ON "match_exclusions" ("record_b_id")`,
    );
    await db.query(`
      CREATE TABLE "customer_history" (
        "id" BIGSERIAL NOT NULL,
        "customer_id" bigint NOT NULL,
        "action" character varying(32) NOT NULL,
        "actor" character varying(100) NOT NULL,
        "reason" text,
        "source_record_id" bigint,
        "related_customer_id" bigint,
        "review_id" bigint,
        "details" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_customer_history" PRIMARY KEY ("id")
      )`);
    await db.query(
      `CREATE INDEX "idx_customer_history_customer" ON "customer_history" ("customer_id", "id")`,
    );
    await db.query(`
      CREATE TABLE "change_events" (
        "id" BIGSERIAL NOT NULL,
        "tx_id" bigint NOT NULL,
        "type" character varying(40) NOT NULL,
        "customer_number" character varying(32),
        "payload" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_change_events" PRIMARY KEY ("id")
      )`);
    await db.query(`CREATE INDEX "idx_change_events_position" ON "change_events" ("tx_id", "id")`);
    await db.query(
      `ALTER TABLE "customers" ADD CONSTRAINT "fk_customers_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "source_records" ADD CONSTRAINT "fk_source_records_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "source_records" ADD CONSTRAINT "fk_source_records_previous_customer" FOREIGN KEY ("previous_customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "blocking_keys" ADD CONSTRAINT "fk_blocking_keys_source_record" FOREIGN KEY ("source_record_id") REFERENCES "source_records"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "review_items" ADD CONSTRAINT "fk_review_items_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "review_items" ADD CONSTRAINT "fk_review_items_candidate_customer" FOREIGN KEY ("candidate_customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "review_items" ADD CONSTRAINT "fk_review_items_source_record" FOREIGN KEY ("source_record_id") REFERENCES "source_records"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'change_events',
      'customer_history',
      'match_exclusions',
      'review_items',
      'blocking_keys',
      'source_records',
      'customers',
    ]) {
      await db.query(`DROP TABLE "${table}"`);
    }
    await db.query(`DROP SEQUENCE "customer_number_seq"`);
  }
}
