import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { createDataSource } from '../src/database/data-source.factory';
import { revertLastMigration, runMigrations } from '../src/database/run-migrations';
import { ALL_MIGRATIONS } from '../migrations';

/** Runs on a fresh embedded database, so it never disturbs the run's shared server database. */
describe('migrations', () => {
  let pg: EmbeddedPostgres;
  let dataSource: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    pg = await EmbeddedPostgres.start('memory://');
    dataSource = createDataSource(pg.url, 1);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await pg.stop();
  });

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
      )
    ).map((r) => r.table_name);

  it('apply on an empty database and match the entities exactly', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied).toHaveLength(ALL_MIGRATIONS.length);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await runMigrations(dataSource)).toHaveLength(0);
  });

  it('leave the resolve functions planned once per connection, with their generic keys reported', async () => {
    const settings = await dataSource.query<{ proname: string; proconfig: string[] | null }[]>(
      `SELECT proname, proconfig FROM pg_proc WHERE proname LIKE 'mdm\\_%' ORDER BY proname`,
    );
    expect(
      settings
        .filter((f) => f.proconfig?.includes('plan_cache_mode=force_generic_plan'))
        .map((f) => f.proname),
    ).toEqual([
      'mdm_insert_customer_with_record',
      'mdm_link_record',
      'mdm_place_records',
      'mdm_resolve_read',
      'mdm_resolve_read_batch',
    ]);
    const [{ source }] = await dataSource.query<{ source: string }[]>(
      `SELECT prosrc AS source FROM pg_proc WHERE proname = 'mdm_read_one'`,
    );
    expect(source).toContain("'generic', to_json(v_generic)");
    // generic_keys is probed by index for each key, never hashed whole (migration 20).
    expect(source).toContain('LEFT JOIN LATERAL (SELECT g.key_type, g.customers, g.population');
    expect(source).toContain('OFFSET 0) g ON true');
    // A new record's key rows are plain inserts (migration 17): its id is fresh.
    const writes = await dataSource.query<{ source: string }[]>(
      `SELECT prosrc AS source FROM pg_proc
        WHERE proname IN ('mdm_insert_customer_with_record', 'mdm_link_record', 'mdm_place_records')`,
    );
    expect(writes).toHaveLength(3);
    for (const w of writes) {
      expect(w.source).toContain('INSERT INTO blocking_keys');
      expect(w.source).not.toContain('ON CONFLICT');
    }
  });

  it("give imports that existed before the running totals their chunks' counters", async () => {
    // Back to before 1763900000024 (the running totals), through whatever came after it.
    const reverted =
      ALL_MIGRATIONS.length -
      ALL_MIGRATIONS.findIndex((m) => m.name === 'ImportRunningTotals1763900000024');
    for (let i = 0; i < reverted; i++) await revertLastMigration(dataSource);
    const id = '6f1c2a4e-0000-4000-8000-000000000024';
    await dataSource.query(
      `INSERT INTO imports (id, source, format, state, file_name, file_bytes, created_by, rows_total, chunks_total)
       VALUES ($1, 'crm', 'ndjson', 'running', 'a.ndjson', 100, 'test', 150, 3)`,
      [id],
    );
    await dataSource.query(
      `INSERT INTO import_chunks (import_id, chunk_index, start_offset, end_offset, first_row, first_line,
                                  row_count, status, processed, created, linked, review, unchanged, rejected,
                                  started_at, finished_at)
       VALUES ($1, 0, 0, 10, 1, 1, 50, 'done', 50, 30, 15, 2, 0, 3, '2026-12-06T06:00:00Z', '2026-12-06T06:00:05Z'),
              ($1, 1, 10, 20, 51, 51, 50, 'done', 48, 20, 25, 1, 2, 0, '2026-12-06T06:00:01Z', '2026-12-06T06:00:09Z'),
              ($1, 2, 20, 30, 101, 101, 50, 'pending', 0, 0, 0, 0, 0, 0, NULL, NULL)`,
      [id],
    );
    expect(await runMigrations(dataSource)).toHaveLength(reverted);
    const [row] = await dataSource.query<Record<string, unknown>[]>(
      `SELECT chunks_planned, chunks_done, rows_read, processed, created, linked, review, unchanged, rejected,
              first_chunk_started_at, last_chunk_finished_at FROM imports WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      chunks_planned: 3,
      chunks_done: 2,
      rows_read: 150,
      processed: 98,
      created: 50,
      linked: 40,
      review: 3,
      unchanged: 2,
      rejected: 3,
      first_chunk_started_at: new Date('2026-12-06T06:00:00Z'),
      last_chunk_finished_at: new Date('2026-12-06T06:00:09Z'),
    });
    await dataSource.query('DELETE FROM imports WHERE id = $1', [id]);
  });

  it('revert all the way down and apply again', async () => {
    for (let i = 0; i < ALL_MIGRATIONS.length; i++) await revertLastMigration(dataSource);
    expect(await tables()).toEqual([]);
    await runMigrations(dataSource);
    expect(await tables()).toContain('customers');
  });
});
