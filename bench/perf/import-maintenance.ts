import IORedis from 'ioredis';
import { Client } from 'pg';

/** Autovacuum's ANALYZE comes within about a minute on a default server. */
const ANALYZE_EVERY_SECONDS = 60;

/**
 * A server with autovacuum off never gathers statistics, and as the tables grow the planner
 * turns the candidate lookups into sequential scans: the import then measures the missing
 * maintenance, not the service. On such a server the bench runs ANALYZE itself, as autovacuum
 * would, and says so in the results.
 */
export async function keepStatistics(
  databaseUrl: string,
): Promise<{ everySeconds: number | null; stop(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { autovacuum } = (await client.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0];
  if (autovacuum === 'on') {
    await client.end();
    return { everySeconds: null, stop: () => Promise.resolve() };
  }
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => client.query('ANALYZE')).catch(() => undefined);
  }, ANALYZE_EVERY_SECONDS * 1000);
  return {
    everySeconds: ANALYZE_EVERY_SECONDS,
    stop: async () => {
      clearInterval(timer);
      await running;
      await client.end();
    },
  };
}

export async function countRows(databaseUrl: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

/** The run's BullMQ keys (completed jobs are otherwise kept for a day). */
export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
