import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { blockingKeys } from '../src/matching/blocking-keys';
import { normalizeRecord } from '../src/normalize/normalize-record';
import type { CustomerRecordInput } from '../src/normalize/customer-record';
import { lockIdsFor } from '../src/resolution/advisory-locks';
import { GenericKeyMemory } from '../src/resolution/generic-key-memory';
import { createTestApp, matchConfigFile, type TestApp } from './helpers/test-app';
import { RUN_DATABASE_ENV } from './setup/test-environment';
import { uniqueId, uniqueSeed } from './factories/person.factory';

/** Rare given-name characters: a name drawn from them is this run's alone. */
const RARE = '翊霈璟琰珩玥瑾钰昶晟烁熠';

function rareName(): string {
  let seed = uniqueSeed();
  let given = '';
  for (let i = 0; i < 3; i++) {
    given += RARE[seed % RARE.length];
    seed = Math.floor(seed / RARE.length);
  }
  return `欧阳${given}`;
}

/** A person known only by the name and an e-mail of their own: the name is the only shared key. */
function namesake(name: string): CustomerRecordInput {
  return {
    source: 'crm',
    sourceId: uniqueId('L'),
    kind: 'person',
    name,
    emails: [`${uniqueId('l').replace(/-/g, '')}@example.com`],
  };
}

function nameLockId(record: CustomerRecordInput): string {
  const key = blockingKeys(normalizeRecord(record).record).find((k) => k.type === 'name');
  if (key === undefined) throw new Error('the record has no name key');
  return lockIdsFor([`name:${key.value}`])[0];
}

/** Server mode only: holding a lock needs a second connection, which embedded mode has not. */
describe('advisory locks on generic keys', () => {
  let t: TestApp;
  let db: DataSource;
  // Advisory locks belong to one database: this run's.
  const holder = new Client({ connectionString: process.env[RUN_DATABASE_ENV] });

  beforeAll(async () => {
    t = await createTestApp({ MATCH_CONFIG_FILE: matchConfigFile({ genericKeyLimit: 2 }) });
    db = t.app.get(DataSource);
    await holder.connect();
  });

  afterAll(async () => {
    await holder.end();
    await t.close();
  });

  const resolve = (record: CustomerRecordInput) =>
    t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(record);

  /** Resolves that are waiting on an advisory lock in this database. */
  async function waitingOnAdvisoryLock(): Promise<number> {
    const [row] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
    );
    return row.n;
  }

  it('waits for a key that still finds candidates', async () => {
    const record = namesake(rareName());
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [nameLockId(record)]);
    // then() sends the request now; it is awaited once the lock is released.
    const pending = resolve(record).then((res) => res);
    try {
      let waiting = 0;
      for (let i = 0; i < 200 && waiting === 0; i++) {
        waiting = await waitingOnAdvisoryLock();
        if (waiting === 0) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting).toBe(1);
    } finally {
      await holder.query('SELECT pg_advisory_unlock_all()');
    }
    expect((await pending).body.decision).toBe('created');
  });

  it('takes no lock on a key the reads found generic', async () => {
    const name = rareName();
    // Three customers share the name, more than the limit: the fourth resolve finds it generic.
    for (let i = 0; i < 4; i++) expect((await resolve(namesake(name))).status).toBe(200);
    const record = namesake(name);
    const key = blockingKeys(normalizeRecord(record).record).find((k) => k.type === 'name');
    expect(t.app.get(GenericKeyMemory).isGeneric(`name:${key?.value}`)).toBe(true);

    await holder.query('SELECT pg_advisory_lock($1::bigint)', [nameLockId(record)]);
    try {
      // Answered while another session holds the key's lock: the resolve never asked for it.
      const res = await resolve(record);
      expect(res.body).toMatchObject({ decision: 'created', explanation: [] });
    } finally {
      await holder.query('SELECT pg_advisory_unlock_all()');
    }
  });
});
