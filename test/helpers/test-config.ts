import { type AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { RUN_DATABASE_ENV, RUN_QUEUE_PREFIX_ENV } from '../setup/test-environment';

/** Server mode against this run's database when global setup made one; else embedded in memory. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const runDatabase = process.env[RUN_DATABASE_ENV];
  const env: Record<string, string> = runDatabase
    ? {
        DATABASE_URL: runDatabase,
        REDIS_URL: process.env.REDIS_URL as string,
        QUEUE_PREFIX: process.env[RUN_QUEUE_PREFIX_ENV] as string,
        DB_POOL_SIZE: '10',
      }
    : { DATA_DIR: 'memory://' };
  return loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    API_KEY_CACHE_SECONDS: '0',
    ...env,
    ...overrides,
  });
}

export function isServerMode(): boolean {
  return process.env[RUN_DATABASE_ENV] !== undefined;
}

export type { AppConfig };
