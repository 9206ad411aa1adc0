import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source.factory';
import { runMigrations } from '../../src/database/run-migrations';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A migrated database of its own on the server behind `baseUrl`, dropped afterwards. */
export async function createScratchDatabase(
  baseUrl: string,
  label: string,
): Promise<ScratchDatabase> {
  const name = `mdm_bench_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const migrator = createDataSource(url.toString(), 1);
  await migrator.initialize();
  await runMigrations(migrator);
  await migrator.destroy();
  return {
    url: url.toString(),
    // BENCH_KEEP_DATABASE=1 keeps it for inspection (EXPLAIN, pg_stat_user_tables).
    drop: () =>
      process.env.BENCH_KEEP_DATABASE === '1'
        ? Promise.resolve(process.stderr.write(`kept database ${name}\n`)).then(() => undefined)
        : adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
