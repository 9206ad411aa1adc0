/**
 * How the quality runner reaches the engine: the service's own ResolutionService (the code behind
 * POST /v1/resolve), on a fresh database per dataset. Embedded PGlite in memory by default; with
 * DATABASE_URL (and REDIS_URL) set, a scratch database created on that server and dropped after.
 */
import { createHash } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/load-config';
import type { CustomerRecordInput } from '../../src/normalize/customer-record';
import { MatchConfigHolder } from '../../src/resolution/match-config.provider';
import { ResolutionService } from '../../src/resolution/resolution.service';
import { stableJson } from '../../src/resolution/record-hashes';
import { createScratchDatabase } from '../common/scratch-database';

export interface ResolveOutcome {
  customerNumber: string;
  /** The engine's decision for this record (e.g. linked, created, review). */
  decision: string;
}

export type ResolveFn = (input: CustomerRecordInput) => Promise<ResolveOutcome>;

/** Identifies the engine build and match configuration a result was produced with. */
export interface EngineInfo {
  version: string;
  /** Hash of the effective match configuration (weights, thresholds). */
  configHash: string;
}

export interface QualityResolver {
  resolve: ResolveFn;
  /** Open review items (possible duplicates) after all records were resolved. */
  reviewCount(): Promise<number>;
  /** The current customer number of numbers issued earlier (a later merge retires numbers). */
  currentCustomerNumbers?(numbers: readonly string[]): Promise<Map<string, string>>;
  engine: EngineInfo;
  /** Releases the database and anything else the resolver started. */
  close(): Promise<void>;
}

export interface ResolverFactoryOptions {
  /** Dataset being run; names the scratch database in server mode. */
  dataset: string;
}

export type ResolverFactory = (options: ResolverFactoryOptions) => Promise<QualityResolver>;

const ACTOR = 'bench:quality';

export const createQualityResolver: ResolverFactory = async ({ dataset }) => {
  const scratch = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL, `quality${dataset}`)
    : undefined;
  const config = loadConfig({
    ...(scratch
      ? { DATABASE_URL: scratch.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }
      : { DATA_DIR: 'memory://' }),
    LOG_LEVEL: 'silent',
    // A configuration to measure instead of the defaults (the report's configHash tells which).
    ...(process.env.MATCH_CONFIG_FILE ? { MATCH_CONFIG_FILE: process.env.MATCH_CONFIG_FILE } : {}),
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'cli'), {
    logger: false,
    abortOnError: false,
  });
  const resolution = app.get(ResolutionService);
  const dataSource = app.get(DataSource);
  const matchConfig = app.get(MatchConfigHolder).config;
  return {
    resolve: (input) => resolution.resolve(input, ACTOR),
    reviewCount: async () => {
      const rows = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM review_items WHERE status = 'open'`,
      );
      return rows[0].n;
    },
    currentCustomerNumbers: async (numbers) => {
      const rows = await dataSource.query<{ asked: string; current: string }[]>(
        `SELECT c.customer_number AS asked, s.customer_number AS current
           FROM customers c JOIN customers s ON s.id = COALESCE(c.merged_into_id, c.id)
          WHERE c.customer_number = ANY($1::text[])`,
        [numbers],
      );
      return new Map(rows.map((r) => [r.asked, r.current]));
    },
    engine: {
      version: process.env.npm_package_version ?? '0.1.0',
      configHash: createHash('sha256').update(stableJson(matchConfig)).digest('hex').slice(0, 12),
    },
    close: async () => {
      await app.close();
      await scratch?.drop();
    },
  };
};
