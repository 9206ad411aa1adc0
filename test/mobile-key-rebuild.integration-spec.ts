import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from '../src/database/run-migrations';
import { ALL_MIGRATIONS } from '../migrations';
import type { BlockingKeyType } from '../src/matching/blocking-keys';
import { keyHash } from '../src/matching/key-hash';
import { createEmbeddedTestApp, type TestApp } from './helpers/test-app';
import { uniqueId } from './factories/person.factory';

/**
 * Migration 18 rebuilds a stored record's mobile keys: the prefix and suffix alone (mobileHead,
 * mobileTail) become the name with them (nameMobileHead, nameMobileTail). It runs on an embedded
 * database of its own, so reverting it (and the migrations after it) never disturbs other tests.
 * Re-applying runs migration 22 on the stored keys too (their hash computed by the service).
 */
describe('migration 18: the name with a mobile prefix or suffix', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    // Every name only corroborates, so a candidate must share a key besides the name.
    t = await createEmbeddedTestApp({ partialKeyLimit: 0 });
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const resolve = async (body: object): Promise<string> => {
    const res = await t.http
      .post('/v1/resolve')
      .set('X-API-Key', t.keys.system)
      .send({ source: 'crm', sourceId: uniqueId('M'), ...body });
    expect(res.status).toBe(200);
    return res.body.customerNumber as string;
  };

  const mobileKeys = (): Promise<{ type: string; value: string }[]> =>
    db.query(
      `SELECT key_type AS type, key_value AS value FROM blocking_keys
        WHERE key_type IN ('mobileHead', 'mobileTail', 'nameMobileHead', 'nameMobileTail')
        ORDER BY 1, 2`,
    );

  /** Migration 18 and those after it. */
  const since18 =
    ALL_MIGRATIONS.length -
    ALL_MIGRATIONS.findIndex((m) => m.name === 'NameWithMobileKeys1763900000018');

  it('rebuilds the keys of stored records both ways, and reads find them afterwards', async () => {
    await resolve({ kind: 'person', name: '李雷', phone: '13912345678' });
    await resolve({ kind: 'person', name: '王芳', phones: ['13800001111', '010-88886666'] });
    await resolve({ kind: 'organization', name: '华为技术有限公司', phone: '13700002222' });
    await resolve({ kind: 'person', name: '赵六', email: 'zhao.liu@example.com' });
    const current = await mobileKeys();
    expect(current).toEqual([
      { type: 'nameMobileHead', value: 'fangwang|138000' },
      { type: 'nameMobileHead', value: 'leili|139123' },
      { type: 'nameMobileTail', value: 'fangwang|01111' },
      { type: 'nameMobileTail', value: 'leili|45678' },
    ]);

    expect(since18).toBeLessThan(ALL_MIGRATIONS.length);
    for (let i = 0; i < since18; i++) await revertLastMigration(db);
    expect(await mobileKeys()).toEqual([
      { type: 'mobileHead', value: '137000' },
      { type: 'mobileHead', value: '138000' },
      { type: 'mobileHead', value: '139123' },
      { type: 'mobileTail', value: '01111' },
      { type: 'mobileTail', value: '02222' },
      { type: 'mobileTail', value: '45678' },
    ]);

    expect(await runMigrations(db)).toHaveLength(since18);
    expect(await mobileKeys()).toEqual(current);
    // Migration 22 hashed the rebuilt rows with the service's own key hash.
    const rows = await db.query<{ type: BlockingKeyType; value: string; hash: string }[]>(
      'SELECT key_type AS type, key_value AS value, key_hash::text AS hash FROM blocking_keys',
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.hash).toBe(String(keyHash(r)));

    // A mistyped mobile under the same name still reaches the customer through the rebuilt keys.
    const match = (phone: string) =>
      t.http
        .post('/v1/match')
        .set('X-API-Key', t.keys.system)
        .send({ source: 'crm', sourceId: uniqueId('M'), kind: 'person', name: '李雷', phone });
    expect((await match('13912345670')).body.candidates).toHaveLength(1);
    expect((await match('13700000000')).body.candidates).toEqual([]);
  });
});
