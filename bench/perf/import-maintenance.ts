import IORedis from 'ioredis';
import { Client } from 'pg';

/** A server setting, e.g. autovacuum. */
export async function showSetting(databaseUrl: string, name: 'autovacuum'): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0][name];
  } finally {
    await client.end();
  }
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
