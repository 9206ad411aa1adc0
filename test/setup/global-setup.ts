import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import 'reflect-metadata';
import { createDataSource } from '../../src/database/data-source.factory';
import { runMigrations } from '../../src/database/run-migrations';
import { RUN_DATABASE_ENV, RUN_QUEUE_PREFIX_ENV, serverModeRequested } from './test-environment';

/** Server mode: a fresh database for this run (a shared server stays safe), migrated once. */
export default async function globalSetup(): Promise<void> {
  if (!serverModeRequested()) return;
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL as string);
  const name = `mdm_test_${suffix}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  process.env[RUN_DATABASE_ENV] = url.toString();
  process.env[RUN_QUEUE_PREFIX_ENV] = `mdmtest_${suffix}`;
  const dataSource = createDataSource(url.toString(), 2);
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
}
