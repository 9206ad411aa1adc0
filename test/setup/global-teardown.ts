import IORedis from 'ioredis';
import { Client } from 'pg';
import { RUN_DATABASE_ENV, RUN_QUEUE_PREFIX_ENV } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const url = process.env[RUN_DATABASE_ENV];
  if (url === undefined) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  const redis = new IORedis(process.env.REDIS_URL as string);
  const prefix = process.env[RUN_QUEUE_PREFIX_ENV] as string;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
