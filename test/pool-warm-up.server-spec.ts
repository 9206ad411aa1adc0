import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createTestApp } from './helpers/test-app';

/** Server mode only: embedded mode has a single connection. */
describe('connection pool warm-up', () => {
  it('opens every pooled connection at start and keeps them', async () => {
    const t = await createTestApp({ DB_POOL_SIZE: '6' });
    try {
      const db = t.app.get(DataSource);
      const pool = (db.driver as unknown as { master: Pool }).master;
      expect(pool.totalCount).toBe(6);
      expect(pool.idleCount).toBe(6);
      const [row] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'customer-mdm'`,
      );
      // The test app's own connections only: suites run one at a time and close their apps.
      expect(row.n).toBeGreaterThanOrEqual(6);
    } finally {
      await t.close();
    }
  });
});
