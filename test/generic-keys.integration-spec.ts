import { DataSource } from 'typeorm';
import { createEmbeddedTestApp, type TestApp } from './helpers/test-app';
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
    t = await createEmbeddedTestApp({ genericKeyLimit: 2 });
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

/**
 * Partial keys (a name alone) shared by more customers than partialKeyLimit make no candidate; a
 * mobile's prefix or suffix is a key only with the name.
 */
describe('partial keys and mobile prefixes', () => {
  const owner = { kind: 'person', name: '李雷', phone: '13912345678' };
  const samePrefix = { kind: 'person', name: '韩梅梅', phone: '13912340000' };
  const sameNameAndPrefix = { kind: 'person', name: '李雷', phone: '13912340000' };
  const sameNameOtherPhone = { kind: 'person', name: '李雷', phone: '13711110000' };
  const ownEmail = (): string => `${uniqueId('p').replace(/-/g, '')}@example.com`;
  const nameOwner = { kind: 'person', name: '欧阳娜娜', email: ownEmail() };
  const sameName = { kind: 'person', name: '欧阳娜娜', email: ownEmail() };

  async function candidatesOf(
    existing: object,
    incoming: object,
    partialKeyLimit: number,
  ): Promise<unknown[]> {
    const t = await createEmbeddedTestApp({ partialKeyLimit });
    try {
      const send = (path: string, body: object) =>
        t.http
          .post(path)
          .set('X-API-Key', t.keys.system)
          .send({ source: 'crm', sourceId: uniqueId('P'), ...body });
      expect((await send('/v1/resolve', existing)).body.decision).toBe('created');
      const match = await send('/v1/match', incoming);
      expect(match.status).toBe(200);
      return match.body.candidates;
    } finally {
      await t.close();
    }
  }

  it('does not make a candidate of a customer sharing only a mobile prefix, however rare', async () => {
    expect(await candidatesOf(owner, samePrefix, 10)).toEqual([]);
  });

  it('makes a candidate of a customer sharing a common name and a mobile prefix', async () => {
    expect(await candidatesOf(owner, sameNameAndPrefix, 0)).toHaveLength(1);
    expect(await candidatesOf(owner, sameNameOtherPhone, 0)).toEqual([]);
  });

  it('finds a customer through a name few customers have', async () => {
    expect(await candidatesOf(nameOwner, sameName, 10)).toHaveLength(1);
  });

  it('does not make a candidate of a customer sharing only a common name', async () => {
    expect(await candidatesOf(nameOwner, sameName, 0)).toEqual([]);
  });
});

/**
 * A partial key found shared by more customers than partialKeyLimit is remembered in generic_keys
 * with its count, as a generic key is, and later reads skip it without reading its rows.
 */
describe('remembered partial keys', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createEmbeddedTestApp({ partialKeyLimit: 1 });
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const send = (path: string) => t.http.post(path).set('X-API-Key', t.keys.system).send(namesake());
  const rememberedNameKeys = async (): Promise<{ customers: number }[]> =>
    db.query(`SELECT customers FROM generic_keys WHERE key_type = 'name'`);

  it('uses a name while few customers share it, then remembers and skips it', async () => {
    expect((await send('/v1/resolve')).body.decision).toBe('created');
    // One customer has the name, not more than the limit: it is a candidate.
    expect((await send('/v1/match')).body.candidates).toHaveLength(1);
    await send('/v1/resolve');
    expect(await rememberedNameKeys()).toEqual([]);

    // Two customers now: more than the limit. The read that finds it out remembers the name...
    const third = await send('/v1/resolve');
    expect(third.body).toMatchObject({ decision: 'created', explanation: [] });
    expect(await rememberedNameKeys()).toEqual([{ customers: 2 }]);
    // ...and later reads skip it: it makes no candidate. Its count (the name's frequency) is
    // counted again once the customers grew by more than a quarter (2 then, 3 now).
    expect((await send('/v1/match')).body.candidates).toEqual([]);
    expect((await send('/v1/resolve')).body).toMatchObject({
      decision: 'created',
      explanation: [],
    });
    expect(await rememberedNameKeys()).toEqual([{ customers: 3 }]);
  });
});
