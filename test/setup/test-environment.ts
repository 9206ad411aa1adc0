/**
 * Where integration tests run. With DATABASE_URL and REDIS_URL set, against real PostgreSQL and
 * Redis in a database and queue prefix made for this run; otherwise embedded PGlite in memory.
 */
export const RUN_DATABASE_ENV = 'MDM_TEST_DATABASE_URL';
export const RUN_QUEUE_PREFIX_ENV = 'MDM_TEST_QUEUE_PREFIX';

export function serverModeRequested(): boolean {
  return Boolean(process.env.DATABASE_URL) && Boolean(process.env.REDIS_URL);
}
