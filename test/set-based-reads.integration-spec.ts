import { DataSource } from 'typeorm';
import { datasetsDir } from '../bench/common/project-paths';
import { generateRecords } from '../bench/gen/generator';
import { loadReferenceData } from '../bench/gen/reference-data';
import type { CustomerRecordInput } from '../src/normalize/customer-record';
import {
  batchReadRequest,
  type ResolveReadSettings,
} from '../src/resolution/resolution.repository';
import { ResolutionService } from '../src/resolution/resolution.service';
import { createEmbeddedTestApp, type TestApp } from './helpers/test-app';

interface Answer {
  newRecordId: string | null;
  newCustomer: unknown;
  population: number;
  records: { recordId: string }[];
  [field: string]: unknown;
}

/**
 * The ids differ between two runs (sequences do not roll back), and so does the population they
 * start from; whether an id was drawn, and the population's steps from the first record, must not.
 */
function comparable(answers: Answer[]): unknown[] {
  const base = answers[0]?.population ?? 0;
  return answers.map((a) => ({
    ...a,
    newRecordId: a.newRecordId !== null,
    newCustomer: a.newCustomer !== null,
    population: a.population - base,
    records: [...a.records].sort((x, y) => Number(x.recordId) - Number(y.recordId)),
  }));
}

/**
 * Migration 25 reads an import chunk set-wise instead of calling mdm_read_one per record; it must
 * answer exactly as the per-record reads did, on a database with everything those reads look at:
 * stored records, generic and too common partial keys (low limits), merged customers and steward
 * exclusions.
 */
describe('the set-based batch read (mdm_resolve_read_batch)', () => {
  let t: TestApp;
  let db: DataSource;
  let service: ResolutionService;
  const later: CustomerRecordInput[] = [];
  const stored: CustomerRecordInput[] = [];

  beforeAll(async () => {
    t = await createEmbeddedTestApp({ genericKeyLimit: 3, partialKeyLimit: 1 });
    db = t.app.get(DataSource);
    service = t.app.get(ResolutionService);
    const records = [
      ...generateRecords({ persons: 150, orgs: 30, seed: 11 }, loadReferenceData(datasetsDir())),
    ].map((g) => g.record);
    const cut = Math.floor(records.length * 0.7);
    for (const r of records.slice(0, cut)) await service.resolve(r, 'test');
    stored.push(...records.slice(0, cut));
    later.push(...records.slice(cut));

    // Two customers merged, and a steward's "not this customer" for records sent to review:
    // between each and every record of the customer it was proposed for.
    const customers = await db.query<{ n: string }[]>(
      `SELECT customer_number AS n FROM customers WHERE status = 'active' ORDER BY id LIMIT 2`,
    );
    const merge = await t.http
      .post(`/v1/customers/${customers[0].n}/merge`)
      .set('X-API-Key', t.keys.steward)
      .send({ other: customers[1].n, reason: 'test' });
    expect(merge.status).toBeLessThan(300);
    await db.query(
      `INSERT INTO match_exclusions (record_a_id, record_b_id, identity_hash_a, identity_hash_b, created_by)
       SELECT a.id, b.id, a.identity_hash, b.identity_hash, 'test'
         FROM review_items ri
         JOIN source_records a ON a.id = ri.source_record_id
         JOIN source_records b ON b.customer_id = ri.candidate_customer_id
        WHERE b.id <> a.id
        ON CONFLICT DO NOTHING`,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  /** Both functions' answers for the same request, each in a transaction rolled back after. */
  async function bothAnswers(
    records: CustomerRecordInput[],
    allocate: boolean,
  ): Promise<{ perRecord: Answer[]; setBased: Answer[]; genericKeys: unknown[][] }> {
    const settings: ResolveReadSettings = {
      genericKeyLimit: 3,
      partialKeyLimit: 1,
      maxCandidates: 20,
      nameCountCap: 5000,
      allocate,
    };
    const items = records.map((r) => {
      const p = service.prepare(r);
      return { source: r.source, sourceId: r.sourceId, identityHash: p.identityHash, keys: p.keys };
    });
    const request = batchReadRequest([], items, settings);
    const statements = [
      `SELECT COALESCE(json_agg(mdm_read_one($1::jsonb, i.value) ORDER BY i.ord), '[]'::json) AS answers
         FROM jsonb_array_elements($1::jsonb->'items') WITH ORDINALITY AS i(value, ord)`,
      'SELECT mdm_resolve_read_batch($1::jsonb) AS answers',
    ];
    const answers: Answer[][] = [];
    const genericKeys: unknown[][] = [];
    for (const sql of statements) {
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      try {
        const [row] = (await runner.query(sql, [request])) as { answers: Answer[] }[];
        answers.push(row.answers);
        genericKeys.push(
          await runner.query(
            'SELECT key_type, key_value, customers FROM generic_keys ORDER BY key_type, key_value',
          ),
        );
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
    return { perRecord: answers[0], setBased: answers[1], genericKeys };
  }

  it.each([
    ['new records', false],
    ['new records, allocating ids and remembering generic keys', true],
  ])('answers as the per-record reads for %s', async (_case, allocate) => {
    const { perRecord, setBased, genericKeys } = await bothAnswers(later.slice(0, 60), allocate);
    expect(comparable(setBased)).toEqual(comparable(perRecord));
    expect(genericKeys[1]).toEqual(genericKeys[0]);
    // The chunk exercised what it should: candidates with records, generic keys, new customers.
    expect(setBased.filter((a) => a.records.length > 0).length).toBeGreaterThan(10);
    expect(setBased.some((a) => (a.generic as string[]).length > 0)).toBe(true);
    if (allocate) expect(setBased.some((a) => a.newCustomer !== null)).toBe(true);
  });

  it('answers as the per-record reads for stored records (merged customers, exclusions)', async () => {
    const changed = stored.map((r) => ({ ...r, attributes: { resent: true } }));
    for (let start = 0; start < changed.length; start += 60) {
      const { perRecord, setBased } = await bothAnswers(changed.slice(start, start + 60), true);
      expect(comparable(setBased)).toEqual(comparable(perRecord));
      expect(setBased.every((a) => a.existing !== null)).toBe(true);
    }
    const { setBased } = await bothAnswers(changed, true);
    expect(setBased.some((a) => (a.excluded as string[]).length > 0)).toBe(true);
  });

  it('answers an empty chunk with an empty list', async () => {
    const { perRecord, setBased } = await bothAnswers([], true);
    expect(setBased).toEqual([]);
    expect(perRecord).toEqual([]);
  });
});
