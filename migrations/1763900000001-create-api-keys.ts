import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1763900000001 implements MigrationInterface {
  name = 'CreateApiKeys1763900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "role" character varying(16) NOT NULL,
        "key_prefix" character varying(16) NOT NULL,
        "key_hash" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_api_keys_key_hash" UNIQUE ("key_hash"),
        CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "ck_api_keys_role" CHECK ("role" IN ('system', 'steward', 'admin'))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "api_keys"`);
  }
}
