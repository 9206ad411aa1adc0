import { DataSource } from 'typeorm';
import { CONCURRENT_CHANGE_SQLSTATE } from '../src/customers/customer-writer';
import { blockingKeys } from '../src/matching/blocking-keys';
import { DEFAULT_MATCH_CONFIG } from '../src/matching/match-config';
import { buildGoldenRecord, type GoldenRecord } from '../src/matching/survivorship';
import { normalizeRecord } from '../src/normalize/normalize-record';
import {
  type Placement,
  RecordPlacementRepository,
} from '../src/resolution/record-placement.repository';
import { contentHash, identityHash } from '../src/resolution/record-hashes';
import { chineseName, mobile, uniqueSeed } from './factories/person.factory';
import { createTestApp, type TestApp } from './helpers/test-app';

/** Links a new record of `sourceId` to the customer with id `customerId`, in its own transaction. */
async function link(db: DataSource, customerId: string, sourceId: string): Promise<GoldenRecord> {
  const input = {
    source: 'crm',
    sourceId,
    kind: 'person' as const,
    name: chineseName(uniqueSeed()),
    phones: [mobile(uniqueSeed())],
  };
  const { record: normalized } = normalizeRecord(input);
  const [{ id: recordId }] = await db.query<{ id: string }[]>(
    `SELECT nextval('source_records_id_seq')::text AS id`,
  );
  const placement: Placement = {
    recordId,
    record: {
      source: input.source,
      sourceId,
      kind: 'person',
      raw: input,
      normalized,
      contentHash: contentHash(input),
      identityHash: identityHash(normalized),
      customerId,
      link: { decision: 'linked', score: 30, explanation: [], actor: 'test', at: '2026-12-03' },
    },
    keys: blockingKeys(normalized),
    golden: buildGoldenRecord(
      [{ sourceRecordId: recordId, source: 'crm', updatedAt: new Date(), normalized }],
      DEFAULT_MATCH_CONFIG,
    ),
    history: [{ customerId, action: 'linked', actor: 'test', sourceRecordId: recordId }],
    events: [{ type: 'record.linked', customerNumber: null }],
  };
  await db.transaction((manager) => new RecordPlacementRepository().linkRecord(manager, placement));
  return placement.golden;
}

describe('linking a record to a customer (mdm_link_record)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  async function newCustomer(): Promise<string> {
    const sourceId = `PLACE-${uniqueSeed()}`;
    const res = await t.http
      .post('/v1/resolve')
      .set('X-API-Key', t.keys.system)
      .send({ source: 'crm', sourceId, kind: 'person', name: chineseName(uniqueSeed()) });
    expect(res.status).toBe(200);
    const [row] = await db.query<{ id: string }[]>(
      `SELECT customer_id AS id FROM source_records WHERE source = 'crm' AND source_id = $1`,
      [sourceId],
    );
    return row.id;
  }

  async function recordExists(sourceId: string): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM source_records WHERE source = 'crm' AND source_id = $1`,
      [sourceId],
    );
    return rows.length > 0;
  }

  it('writes the record, its keys and the golden record of an active customer', async () => {
    const customerId = await newCustomer();
    const sourceId = `PLACE-LINK-${uniqueSeed()}`;
    const golden = await link(db, customerId, sourceId);
    expect(await recordExists(sourceId)).toBe(true);
    const [keys] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM blocking_keys b JOIN source_records r ON r.id = b.source_record_id
        WHERE r.source_id = $1 AND b.customer_id = $2`,
      [sourceId, customerId],
    );
    expect(keys.n).toBeGreaterThan(0);
    const [customer] = await db.query<{ golden: unknown }[]>(
      'SELECT golden FROM customers WHERE id = $1',
      [customerId],
    );
    expect(customer.golden).toEqual(JSON.parse(JSON.stringify(golden)));
  });

  it('refuses a customer merged away meanwhile with its own SQLSTATE and writes nothing', async () => {
    const survivor = await newCustomer();
    const merged = await newCustomer();
    await db.query(`UPDATE customers SET status = 'merged', merged_into_id = $2 WHERE id = $1`, [
      merged,
      survivor,
    ]);
    const sourceId = `PLACE-LOST-${uniqueSeed()}`;
    await expect(link(db, merged, sourceId)).rejects.toMatchObject({
      code: CONCURRENT_CHANGE_SQLSTATE,
    });
    expect(await recordExists(sourceId)).toBe(false);
  });
});
