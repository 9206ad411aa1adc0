import { DataSource } from 'typeorm';
import { datasetsDir } from '../bench/common/project-paths';
import { generateRecords } from '../bench/gen/generator';
import { loadReferenceData } from '../bench/gen/reference-data';
import { runFusedTransaction } from '../src/database/fused-transaction';
import type { CustomerRecordInput } from '../src/normalize/customer-record';
import { ResolutionService } from '../src/resolution/resolution.service';
import type { ResolveResult } from '../src/resolution/resolve-result';
import { createTestApp, matchConfigFile, type TestApp } from './helpers/test-app';

/** Which records share a customer, as sorted groups of record indexes (numbers differ by DB). */
function partition(results: readonly ResolveResult[]): string[] {
  const groups = new Map<string, number[]>();
  results.forEach((r, i) =>
    groups.set(r.customerNumber, [...(groups.get(r.customerNumber) ?? []), i]),
  );
  return [...groups.values()].map((g) => g.join(',')).sort();
}

/**
 * resolveBatch reads all of a chunk's records in one call and re-reads only those an earlier
 * record of the chunk may have changed. It must decide exactly as resolving the same records one
 * by one: same decisions, same grouping into customers. The generated set is dense in what
 * makes batches hard: duplicates of one person next to each other, households, twins, branches.
 */
describe('resolveBatch decides as resolving one by one', () => {
  const records: CustomerRecordInput[] = [];
  let batched: TestApp;
  let single: TestApp;

  beforeAll(async () => {
    for (const g of generateRecords(
      { persons: 300, orgs: 60, seed: 7 },
      loadReferenceData(datasetsDir()),
    )) {
      records.push(g.record);
    }
    // The generator writes an entity's records apart; put some of them next to each other too.
    records.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    // Term frequencies from the first customer on (500 by default), so that the population each
    // record is scored with shows in its score.
    const embedded = {
      DATABASE_URL: '',
      DATA_DIR: 'memory://',
      STATISTICS_INTERVAL_SECONDS: '0',
      MATCH_CONFIG_FILE: matchConfigFile({ termFrequency: { enabled: true, minPopulation: 0 } }),
    };
    batched = await createTestApp(embedded);
    single = await createTestApp(embedded);
  });
  afterAll(async () => {
    await batched.close();
    await single.close();
  });

  it('gives the same decisions and the same customers, chunk after chunk', async () => {
    const batchService = batched.app.get(ResolutionService);
    const singleService = single.app.get(ResolutionService);
    const fromBatches: ResolveResult[] = [];
    for (let start = 0; start < records.length; start += 40) {
      const prepared = records.slice(start, start + 40).map((r) => batchService.prepare(r));
      fromBatches.push(
        ...(await runFusedTransaction(batched.app.get(DataSource), (manager) =>
          batchService.resolveBatch(manager, prepared, 'test'),
        )),
      );
    }
    const oneByOne: ResolveResult[] = [];
    for (const r of records) oneByOne.push(await singleService.resolve(r, 'test'));

    expect(fromBatches.map((r) => r.decision)).toEqual(oneByOne.map((r) => r.decision));
    expect(partition(fromBatches)).toEqual(partition(oneByOne));
    expect(fromBatches.map((r) => [r.score, r.explanation])).toEqual(
      oneByOne.map((r) => [r.score, r.explanation]),
    );
    // No customer number was drawn and left unused (a gap would shift later populations).
    const [drawn] = await batched.app
      .get(DataSource)
      .query<{ customers: string; numbers: string }[]>(
        `SELECT (SELECT count(*) FROM customers) AS customers,
                (SELECT last_value FROM customer_number_seq) AS numbers`,
      );
    expect(Number(drawn.numbers)).toBe(Number(drawn.customers));
    // The set exercised what it should: links within chunks, and reviews.
    expect(fromBatches.filter((r) => r.decision === 'linked').length).toBeGreaterThan(50);
    expect(new Set(fromBatches.map((r) => r.decision))).toEqual(
      new Set(['created', 'linked', 'review']),
    );
  });

  it('answers unchanged for a chunk sent again, without writing', async () => {
    const service = batched.app.get(ResolutionService);
    const prepared = records.slice(0, 40).map((r) => service.prepare(r));
    const again = await runFusedTransaction(batched.app.get(DataSource), (manager) =>
      service.resolveBatch(manager, prepared, 'test'),
    );
    expect(new Set(again.map((r) => r.decision))).toEqual(new Set(['unchanged']));
  });
});
