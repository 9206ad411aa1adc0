import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

/**
 * The physical limit: PostgreSQL COPY of the same NDJSON lines into a one-column jsonb scratch
 * table (psql \copy streams the file from the client, as an import does). Returns rows/s.
 */
export async function copyBaseline(
  databaseUrl: string,
  file: string,
): Promise<{ rows: number; seconds: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_copy (raw jsonb NOT NULL)');
    const started = performance.now();
    // CSV with quote and delimiter characters that never occur, so each line is one jsonb value.
    execFileSync('psql', [
      databaseUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy bench_copy (raw) FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`,
    ]);
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM bench_copy'))
      .rows;
    await client.query('DROP TABLE bench_copy');
    return { rows: Number(n), seconds };
  } finally {
    await client.end();
  }
}
