import { DataSource } from 'typeorm';
import {
  queryDeferred,
  queryDeferredItem,
  queryWithWaiting,
  runFusedTransaction,
} from '../src/database/fused-transaction';
import { createTestApp, type TestApp } from './helpers/test-app';

/** A table of its own per run: the server database is shared by the test files. */
const TABLE = `fused_probe_${process.pid}`;
/** Writes one row per call: how many items it got, and the items in their order. */
const ITEMS_FN = `fused_probe_items_${process.pid}`;

describe('fused transactions (BEGIN with the first statement, deferred writes with the COMMIT)', () => {
  let t: TestApp;
  let db: DataSource;
  const values = async (): Promise<string[]> =>
    (await db.query<{ v: string }[]>(`SELECT v FROM ${TABLE} ORDER BY id`)).map((r) => r.v);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await db.query(`CREATE TABLE ${TABLE} (id serial PRIMARY KEY, v text NOT NULL)`);
    await db.query(`CREATE FUNCTION ${ITEMS_FN}(p jsonb) RETURNS void LANGUAGE sql AS $fn$
      INSERT INTO ${TABLE} (v)
      SELECT jsonb_array_length(p) || ':' || string_agg(x, ',' ORDER BY ord)
        FROM jsonb_array_elements_text(p) WITH ORDINALITY AS e(x, ord) $fn$`);
  });
  beforeEach(() => db.query(`TRUNCATE ${TABLE}`));
  afterAll(async () => {
    await db.query(`DROP FUNCTION IF EXISTS ${ITEMS_FN}(jsonb)`);
    await db.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await t.close();
  });

  it('runs every statement in call order and commits them together', async () => {
    const seen = await runFusedTransaction(db, async (manager) => {
      const [first] = await queryWithWaiting<{ n: string }>(
        manager,
        'SELECT $1::int + 1 AS n',
        [1],
      );
      await queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, ["O'Brien \\ 张伟"]);
      // An ordinary statement sees the deferred write: it was flushed first.
      const rows = await manager.query<{ v: string }[]>(`SELECT v FROM ${TABLE}`);
      await queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, ['second']);
      return { first: Number(first.n), rows: rows.map((r) => r.v) };
    });
    expect(seen).toEqual({ first: 2, rows: ["O'Brien \\ 张伟"] });
    expect(await values()).toEqual(["O'Brien \\ 张伟", 'second']);
  });

  it('sends a statement whose result is needed with the writes waiting, after them', async () => {
    const seen = await runFusedTransaction(db, async (manager) => {
      await queryWithWaiting(manager, 'SELECT 1', []);
      await queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, ['waiting']);
      await queryDeferredItem(manager, ITEMS_FN, 'item');
      return queryWithWaiting<{ v: string }>(manager, `SELECT v FROM ${TABLE} ORDER BY id`, []);
    });
    expect(seen).toEqual([{ v: 'waiting' }, { v: '1:item' }]);
  });

  it('sends items deferred one after another for one function as one call, in order', async () => {
    await runFusedTransaction(db, async (manager) => {
      await queryWithWaiting(manager, 'SELECT 1', []);
      await queryDeferredItem(manager, ITEMS_FN, 'a');
      await queryDeferredItem(manager, ITEMS_FN, "O'Brien \\ 张伟");
      // Anything else deferred in between ends the run: the order of the calls is kept.
      await queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, ['between']);
      await queryDeferredItem(manager, ITEMS_FN, 'c');
      // So does an ordinary statement, which flushes what waits.
      await manager.query('SELECT 1');
      await queryDeferredItem(manager, ITEMS_FN, 'd');
    });
    expect(await values()).toEqual(["2:a,O'Brien \\ 张伟", 'between', '1:c', '1:d']);
  });

  it('runs a deferred item at once, alone, outside a fused transaction', async () => {
    await db.transaction(async (manager) => {
      await queryDeferredItem(manager, ITEMS_FN, 'x');
      expect(await manager.query<{ v: string }[]>(`SELECT v FROM ${TABLE}`)).toEqual([
        { v: '1:x' },
      ]);
    });
  });

  it('is one transaction: nothing is visible to others before the commit', async () => {
    await runFusedTransaction(db, async (manager) => {
      await queryWithWaiting(manager, `INSERT INTO ${TABLE} (v) VALUES ($1) RETURNING id`, [
        'inside',
      ]);
      expect(await values()).toEqual([]);
    });
    expect(await values()).toEqual(['inside']);
  });

  it('writes nothing when a deferred statement fails at the commit', async () => {
    const failing = runFusedTransaction(db, async (manager) => {
      await queryWithWaiting(manager, `INSERT INTO ${TABLE} (v) VALUES ($1) RETURNING id`, [
        'kept?',
      ]);
      await queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, [null]);
    });
    await expect(failing).rejects.toMatchObject({ code: '23502' });
    expect(await values()).toEqual([]);
  });

  it('writes nothing when the work throws after deferring', async () => {
    const failing = runFusedTransaction(db, async (manager) => {
      await queryWithWaiting(manager, 'SELECT 1', []);
      await queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, ['never']);
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await values()).toEqual([]);
  });

  it('reports a lost race (mdm_require) with its own SQLSTATE, so the resolve can retry', async () => {
    const failing = runFusedTransaction(db, async (manager) => {
      await queryWithWaiting(manager, 'SELECT 1', []);
      await queryDeferred(manager, 'SELECT mdm_require($1)', [false]);
    });
    await expect(failing).rejects.toMatchObject({ code: 'MDM01' });
  });

  it('leaves the connection clean for the next user of the pool', async () => {
    await expect(
      runFusedTransaction(db, async (manager) => {
        await queryWithWaiting(manager, 'SELECT 1/0', []);
      }),
    ).rejects.toMatchObject({ code: '22012' });
    const [state] = await db.query<{ ok: number }[]>('SELECT 1 AS ok');
    expect(state.ok).toBe(1);
    await runFusedTransaction(db, (manager) =>
      queryDeferred(manager, `INSERT INTO ${TABLE} (v) VALUES ($1)`, ['after']),
    );
    expect(await values()).toEqual(['after']);
  });
});
