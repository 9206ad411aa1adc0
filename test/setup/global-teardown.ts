import { Client } from 'pg';
import { dropQueueKeys } from '../../bench/common/queue-keys';
import { RUN_DATABASE_ENV, RUN_QUEUE_PREFIX_ENV } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const url = process.env[RUN_DATABASE_ENV];
  if (url === undefined) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await dropQueueKeys(process.env.REDIS_URL as string, process.env[RUN_QUEUE_PREFIX_ENV] as string);
}
