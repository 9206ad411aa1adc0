import { Client } from 'pg';

/** The PostgreSQL settings that move the import and latency figures most. */
const SETTINGS = ['shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'autovacuum'] as const;

export type ServerSettings = Record<(typeof SETTINGS)[number], string>;

/** The server's settings, so that every figure is printed beside the configuration it ran on. */
export async function serverSettings(databaseUrl: string): Promise<ServerSettings> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; value: string }>(
      'SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name',
      [SETTINGS],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.value])) as ServerSettings;
  } finally {
    await client.end();
  }
}

/** One report line: "shared_buffers 128MB, max_wal_size 1GB, ..., autovacuum off (...)". */
export function describeServerSettings(settings: ServerSettings): string {
  const listed = SETTINGS.map((name) => `${name} ${settings[name]}`).join(', ');
  return settings.autovacuum === 'on'
    ? listed
    : `${listed} (the service ran ANALYZE itself every STATISTICS_INTERVAL_SECONDS)`;
}
