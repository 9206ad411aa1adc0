/**
 * `npm run bench:candidates`: how the work per record grows with the database, without one.
 * The import bench's records (same seed, same order) go through the in-memory resolver
 * (src/matching/offline-clustering.ts: the service's normalisers, blocking keys, candidate rule,
 * scoring and decisions), and for each slice of rows it prints the candidates scored per record,
 * with the pairwise quality of the whole run against the generator's entities. Candidates are
 * what a resolve reads and scores under its locks: if they grow, so does each row's cost.
 *
 *   npm run bench:candidates -- --records 1000000 --slice 100000
 */
import { Command } from 'commander';
import { clusterOffline, pairwiseQuality } from '../../src/matching/offline-clustering';
import { DEFAULT_MATCH_CONFIG } from '../../src/matching/match-config';
import { normalizeRecord } from '../../src/normalize/normalize-record';
import type { NormalizedRecord } from '../../src/normalize/normalized-record';
import { importDatasetRecords } from './import-dataset';

interface Options {
  records: number;
  slice: number;
  seed: number;
}

function main(): void {
  const o = new Command('bench:candidates')
    .option('--records <n>', 'records of the import bench data set', Number, 1_000_000)
    .option('--slice <n>', 'rows per reported slice', Number, 100_000)
    .option('--seed <n>', 'generator seed', Number, 42)
    .parse()
    .opts<Options>();
  const records: NormalizedRecord[] = [];
  const entities: string[] = [];
  for (const { record, entityId } of importDatasetRecords(o.records, o.seed)) {
    records.push(normalizeRecord(record).record);
    entities.push(entityId);
  }
  const started = performance.now();
  const result = clusterOffline(records, { config: DEFAULT_MATCH_CONFIG });
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `Candidates per record, offline resolver, default configuration, import bench data (seed ${o.seed}), ${records.length} records in ${seconds.toFixed(0)} s`,
    `  customers ${result.customerCount}; created ${result.creates}, linked ${result.links}, review ${result.reviews}`,
    `  pairwise against the generator's entities: ${describeQuality(pairwiseQuality(result.customerOf, entities))}`,
    '  rows up to | candidates/record | max',
  ];
  for (let start = 0; start < records.length; start += o.slice) {
    const end = Math.min(start + o.slice, records.length);
    let sum = 0;
    let max = 0;
    for (let i = start; i < end; i++) {
      sum += result.candidatesOf[i];
      max = Math.max(max, result.candidatesOf[i]);
    }
    lines.push(
      `  ${String(end).padStart(10)} | ${(sum / (end - start)).toFixed(2).padStart(17)} | ${String(max).padStart(3)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function describeQuality(q: ReturnType<typeof pairwiseQuality>): string {
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
  return `P ${pct(q.precision)} R ${pct(q.recall)} F1 ${pct(q.f1)} (true pairs ${q.truePairs}, found ${q.truePositives} of ${q.predictedPairs})`;
}

main();
