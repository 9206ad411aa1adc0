import { DataSource } from 'typeorm';
import { StatisticsKeeper } from '../src/database/statistics-keeper';
import { SMALL_STATISTICS_TARGET } from '../migrations/1763900000013-smaller-statistics-samples';
import { createTestApp, type TestApp } from './helpers/test-app';
import { mobile, uniqueSeed } from './factories/person.factory';

async function reltuples(db: DataSource, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }[]>(
    'SELECT reltuples::float8 AS n FROM pg_class WHERE relname = $1',
    [table],
  );
  return row.n;
}

async function resolveSome(t: TestApp, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await t.http
      .post('/v1/resolve')
      .set('X-API-Key', t.keys.system)
      .send({
        source: 'crm',
        sourceId: `STATS-${i}`,
        kind: 'person',
        name: `测试${i}`,
        phone: mobile(uniqueSeed()),
      });
    expect(res.status).toBe(200);
  }
}

describe('statistics where autovacuum does not run', () => {
  it('embedded mode (PGlite has no autovacuum) analyzes the tables on its own schedule', async () => {
    const t = await createTestApp({
      DATABASE_URL: '',
      DATA_DIR: 'memory://',
      STATISTICS_INTERVAL_SECONDS: '1',
    });
    try {
      const db = t.app.get(DataSource);
      await resolveSome(t, 5);
      expect(await reltuples(db, 'source_records')).toBeLessThan(1);
      // Waits for the keeper's timer (a condition, not a duration: at most 20 s).
      for (let i = 0; i < 200 && (await reltuples(db, 'source_records')) < 5; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await reltuples(db, 'source_records')).toBe(5);
      expect(await reltuples(db, 'blocking_keys')).toBeGreaterThan(5);
    } finally {
      await t.close();
    }
  });

  it('an ANALYZE refreshes the row counts the planner sees', async () => {
    const t = await createTestApp({ DATABASE_URL: '', DATA_DIR: 'memory://' });
    try {
      const db = t.app.get(DataSource);
      await resolveSome(t, 3);
      await t.app.get(StatisticsKeeper).analyze();
      expect(await reltuples(db, 'source_records')).toBe(3);
      expect(await reltuples(db, 'customers')).toBeGreaterThanOrEqual(1);
    } finally {
      await t.close();
    }
  });

  it('ANALYZE samples the columns plans filter on and skips the JSON documents', async () => {
    const t = await createTestApp({ DATABASE_URL: '', DATA_DIR: 'memory://' });
    try {
      const db = t.app.get(DataSource);
      await resolveSome(t, 3);
      await t.app.get(StatisticsKeeper).analyze();
      const analyzed = await db.query<{ tablename: string; attname: string }[]>(
        `SELECT tablename, attname FROM pg_stats
          WHERE tablename IN ('source_records', 'customers', 'blocking_keys')`,
      );
      const columns = analyzed.map((r) => `${r.tablename}.${r.attname}`);
      expect(columns).toEqual(
        expect.arrayContaining(['blocking_keys.key_value', 'source_records.source_id']),
      );
      for (const document of [
        'source_records.raw',
        'source_records.normalized',
        'customers.golden',
      ]) {
        expect(columns).not.toContain(document);
      }
    } finally {
      await t.close();
    }
  });

  it('samples the growing tables at a small statistics target, so each ANALYZE stays cheap', async () => {
    const t = await createTestApp({ DATABASE_URL: '', DATA_DIR: 'memory://' });
    try {
      const db = t.app.get(DataSource);
      const targets = await db.query<{ column: string; target: number | null }[]>(
        `SELECT c.relname || '.' || a.attname AS column, a.attstattarget::int AS target
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          WHERE c.relname IN ('blocking_keys', 'source_records', 'customers')
            AND a.attnum > 0 AND NOT a.attisdropped`,
      );
      const byColumn = new Map(targets.map((r) => [r.column, r.target]));
      for (const column of [
        'blocking_keys.key_value',
        'blocking_keys.customer_id',
        'source_records.id',
        'source_records.identity_hash',
        'source_records.source_id',
        'customers.id',
        'customers.customer_number',
      ]) {
        expect(byColumn.get(column)).toBe(SMALL_STATISTICS_TARGET);
      }
      // The documents stay out of ANALYZE altogether (migration 6).
      expect(byColumn.get('source_records.normalized')).toBe(0);
      // ANALYZE samples 300 rows per unit of a table's largest target: one column left at the
      // server's default (-1, i.e. 100) would make the sample 30,000 rows again.
      const largest = Math.max(...targets.map((r) => r.target ?? -1));
      expect(largest).toBe(SMALL_STATISTICS_TARGET);
      expect(targets.filter((r) => r.target === null || r.target < 0)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
