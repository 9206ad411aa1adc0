/**
 * Every environment variable the service reads, with its default and validation.
 * This file and load-config.ts are the only places that touch process.env.
 */
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class EnvironmentVariables {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Server mode when set; embedded PGlite when absent. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Required in server mode (jobs go to BullMQ). */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Embedded mode: the folder PGlite keeps its data in; "memory://" keeps nothing. */
  @IsString()
  DATA_DIR = './data';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Largest accepted JSON body, in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Server mode: connections per process in the PostgreSQL pool (see defaultPoolSize). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = defaultPoolSize();

  /**
   * Worker: jobs processed at once per queue in one process. One: with two workers on two cores,
   * a second chunk in flight per worker made PostgreSQL spend more CPU per row on contention than
   * it won in overlap (100,000-row imports, README Benchmarks); scale with worker processes.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 1;

  /** Prefix of BullMQ keys in Redis, so several deployments (or test runs) can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'must be 1-64 letters, digits, ":", "_" or "-"' })
  QUEUE_PREFIX = 'mdm';

  /** Where uploaded import files wait until their import ends; defaults to <DATA_DIR>/imports. */
  @IsOptional()
  @IsString()
  IMPORT_STORAGE_DIR?: string;

  /**
   * Rows per import chunk: one chunk is one job and one transaction. A concurrent API resolve
   * sharing a key with a chunk waits for that whole transaction, so keep chunks short: on the
   * 2-core machine 50-row chunks imported 1,120 records/s where 200-row chunks made 1,010.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  IMPORT_CHUNK_ROWS = 50;

  /** Optional JSON file overriding the matching configuration (weights, thresholds, source trust). */
  @IsOptional()
  @IsString()
  MATCH_CONFIG_FILE?: string;

  /** Seconds an authenticated API key stays cached; revocation takes effect within this time. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  API_KEY_CACHE_SECONDS = 30;

  /**
   * Where autovacuum does not run (embedded PGlite always; servers with it off), the service
   * keeps the planner's statistics itself, checking this often; 0 turns that off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  STATISTICS_INTERVAL_SECONDS = 2;
}

/** Listed explicitly: optional fields without a default are not own properties of an instance. */
export const ENVIRONMENT_VARIABLE_NAMES = [
  'PORT',
  'DATABASE_URL',
  'REDIS_URL',
  'DATA_DIR',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'DB_POOL_SIZE',
  'WORKER_CONCURRENCY',
  'QUEUE_PREFIX',
  'IMPORT_STORAGE_DIR',
  'IMPORT_CHUNK_ROWS',
  'MATCH_CONFIG_FILE',
  'API_KEY_CACHE_SECONDS',
  'STATISTICS_INTERVAL_SECONDS',
] as const satisfies readonly (keyof EnvironmentVariables)[];

/**
 * Twice the cores plus one: the classic size for a pool in front of PostgreSQL, taking this
 * machine's cores for the database's (one machine, as in docker-compose.yml). More connections
 * than the database's cores can run only add backends contending for its locks and caches: on the
 * 2-core machine, 16 clients resolving through 20 connections cost PostgreSQL 1.41 ms of CPU per
 * resolve against 1.08-1.11 ms through 5, and gave 518 against 581-587 resolves/s (README).
 */
export function defaultPoolSize(): number {
  return 2 * availableParallelism() + 1;
}
