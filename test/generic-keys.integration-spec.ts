import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './helpers/test-app';
import { uniqueId } from './factories/person.factory';

/** A person known only by a rare name and an e-mail of their own: the name is the only shared key. */
function namesake(): Record<string, unknown> {
  return {
    source: 'crm',
    sourceId: uniqueId('G'),
    kind: 'person',
    name: '欧阳娜娜',
    email: `${uniqueId('g').replace(/-/g, '')}@example.com`,
  };
}

/** Its own embedded database, so the key counts are this test's alone. */
describe('generic blocking keys', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'mdm-generic-')), 'match.json');
    writeFileSync(config, JSON.stringify({ genericKeyLimit: 2 }));
    t = await createTestApp({ DATABASE_URL: '', DATA_DIR: 'memory://', MATCH_CONFIG_FILE: config });
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const rememberedNameKeys = async (): Promise<{ customers: number }[]> =>
    db.query(`SELECT customers FROM generic_keys WHERE key_type = 'name'`);

  it('stops using a key shared by more customers than the limit, and remembers it', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(namesake());
      expect(['created', 'review']).toContain(res.body.decision);
    }
    // Three customers share the name, more than the limit: it no longer finds candidates.
    const match = await t.http.post('/v1/match').set('X-API-Key', t.keys.system).send(namesake());
    expect(match.status).toBe(200);
    expect(match.body.candidates).toEqual([]);
    // POST /v1/match writes nothing, not even what it learnt about the key.
    expect(await rememberedNameKeys()).toEqual([]);

    const fourth = await t.http
      .post('/v1/resolve')
      .set('X-API-Key', t.keys.system)
      .send(namesake());
    expect(fourth.body).toMatchObject({ decision: 'created', explanation: [] });
    expect(await rememberedNameKeys()).toEqual([{ customers: 3 }]);

    // Known as generic: skipped for candidates; the name's count (the term-frequency input) is
    // counted again once the customers grew by more than a quarter since (3 then, 4 now).
    const fifth = await t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(namesake());
    expect(fifth.body).toMatchObject({ decision: 'created', explanation: [] });
    expect(await rememberedNameKeys()).toEqual([{ customers: 4 }]);
  });
});
