import { DataSource } from 'typeorm';
import { CONCURRENT_CHANGE_SQLSTATE } from '../src/customers/customer-writer';
import { runFusedTransaction } from '../src/database/fused-transaction';
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

/** A new record of `sourceId` placed on the customer with id `customerId`. */
async function placementFor(
  db: DataSource,
  customerId: string,
  sourceId: string,
): Promise<Placement> {
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
  return {
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
    events: [{ type: 'record.linked', customerNumber: null, payload: { sourceId } }],
  };
}

/** Links a new record of `sourceId` to the customer with id `customerId`, in its own transaction. */
async function link(db: DataSource, customerId: string, sourceId: string): Promise<GoldenRecord> {
  const placement = await placementFor(db, customerId, sourceId);
  await db.transaction((manager) => new RecordPlacementRepository().linkRecord(manager, placement));
  return placement.golden;
}

describe('placing records on customers (mdm_place_records)', () => {
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

  async function sourceIdsOf(customerId: string): Promise<string[]> {
    const rows = await db.query<{ sourceId: string }[]>(
      'SELECT source_id AS "sourceId" FROM source_records WHERE customer_id = $1 ORDER BY id',
      [customerId],
    );
    return rows.map((r) => r.sourceId);
  }

  it('places a run of records in one fused transaction: a new customer, then two links to it', async () => {
    const [{ id: customerId, n }] = await db.query<{ id: string; n: string }[]>(
      `SELECT nextval('customers_id_seq')::text AS id, nextval('customer_number_seq')::text AS n`,
    );
    const seed = uniqueSeed();
    const created = await placementFor(db, customerId, `PLACE-RUN-${seed}-1`);
    const second = await placementFor(db, customerId, `PLACE-RUN-${seed}-2`);
    const third = await placementFor(db, customerId, `PLACE-RUN-${seed}-3`);
    const customerNumber = `T-RUN-${n}`;
    const repository = new RecordPlacementRepository();
    await runFusedTransaction(db, async (manager) => {
      await repository.insertCustomerWithRecord(manager, created, {
        customerNumber,
        regionCode: '11',
      });
      await repository.linkRecord(manager, second);
      await repository.linkRecord(manager, third);
    });
    expect(await sourceIdsOf(customerId)).toEqual([1, 2, 3].map((i) => `PLACE-RUN-${seed}-${i}`));
    const [customer] = await db.query<{ golden: unknown; number: string; status: string }[]>(
      'SELECT golden, customer_number AS number, status FROM customers WHERE id = $1',
      [customerId],
    );
    // The last link's golden record wins; each link's was computed with the records before it.
    expect(customer).toEqual({
      golden: JSON.parse(JSON.stringify(third.golden)),
      number: customerNumber,
      status: 'active',
    });
    const [keys] = await db.query<{ n: number }[]>(
      'SELECT count(DISTINCT source_record_id)::int AS n FROM blocking_keys WHERE customer_id = $1',
      [customerId],
    );
    expect(keys.n).toBe(3);
    // History and events follow the order of the placements.
    const history = await db.query<{ recordId: string }[]>(
      `SELECT source_record_id::text AS "recordId" FROM customer_history
        WHERE customer_id = $1 ORDER BY id`,
      [customerId],
    );
    expect(history.map((h) => h.recordId)).toEqual([
      created.recordId,
      second.recordId,
      third.recordId,
    ]);
    const events = await db.query<{ sourceId: string }[]>(
      `SELECT payload->>'sourceId' AS "sourceId" FROM change_events
        WHERE payload->>'sourceId' LIKE $1 ORDER BY id`,
      [`PLACE-RUN-${seed}-%`],
    );
    expect(events.map((e) => e.sourceId)).toEqual([1, 2, 3].map((i) => `PLACE-RUN-${seed}-${i}`));
  });

  it('writes nothing of a run when one of its customers was merged away meanwhile', async () => {
    const active = await newCustomer();
    const survivor = await newCustomer();
    const merged = await newCustomer();
    await db.query(`UPDATE customers SET status = 'merged', merged_into_id = $2 WHERE id = $1`, [
      merged,
      survivor,
    ]);
    const seed = uniqueSeed();
    const kept = await placementFor(db, active, `PLACE-RUN-OK-${seed}`);
    const lost = await placementFor(db, merged, `PLACE-RUN-LOST-${seed}`);
    const repository = new RecordPlacementRepository();
    const failing = runFusedTransaction(db, async (manager) => {
      await repository.linkRecord(manager, kept);
      await repository.linkRecord(manager, lost);
    });
    await expect(failing).rejects.toMatchObject({ code: CONCURRENT_CHANGE_SQLSTATE });
    expect(await recordExists(`PLACE-RUN-OK-${seed}`)).toBe(false);
    expect(await recordExists(`PLACE-RUN-LOST-${seed}`)).toBe(false);
  });
});
