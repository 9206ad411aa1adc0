/**
 * `npm run bench:key-rows`: how many `blocking_keys` rows a record's key lookups read as the
 * database grows, by key type, without a database. The import bench's records (same seed, same
 * order) are keyed with the service's blocking keys; the generator's entities stand in for
 * customers. A lookup reads every row of its key value (at most 4 × genericKeyLimit + 1), unless
 * the value is generic (more than genericKeyLimit entities) or, with the service's rule since
 * migration 19, a partial key of more than partialKeyLimit entities. `--partial-rows` counts the
 * partial keys' rows as the reads did before (they only corroborated).
 *
 *   npm run bench:key-rows -- --records 1000000 --slice 100000 [--partial-rows]
 *
 * Each row read is a heap fetch in a table of several GB: what grows here is what made an import's
 * reads slow down as the database filled.
 */
import { Command } from 'commander';
import { blockingKeys, PARTIAL_KEY_TYPES } from '../../src/matching/blocking-keys';
import { DEFAULT_MATCH_CONFIG } from '../../src/matching/match-config';
import { normalizeRecord } from '../../src/normalize/normalize-record';
import { importDatasetRecords } from './import-dataset';

interface Options {
  records: number;
  slice: number;
  seed: number;
  partialRows?: boolean;
}

interface KeyValueState {
  rows: number;
  /** Entities sharing the value, until it turns generic. */
  entities: Set<string> | null;
}

const PARTIAL: ReadonlySet<string> = new Set(PARTIAL_KEY_TYPES);

function main(): void {
  const o = new Command('bench:key-rows')
    .option('--records <n>', 'records of the import bench data set', Number, 1_000_000)
    .option('--slice <n>', 'rows per reported slice', Number, 100_000)
    .option('--seed <n>', 'generator seed', Number, 42)
    .option(
      '--partial-rows',
      'read the rows of partial keys of many customers (before migration 19)',
    )
    .parse()
    .opts<Options>();
  const { genericKeyLimit, partialKeyLimit } = DEFAULT_MATCH_CONFIG;
  const rowLimit = genericKeyLimit * 4 + 1;
  const state = new Map<string, KeyValueState>();
  let slice = new Map<string, number>();
  let done = 0;
  process.stdout.write(
    `Key rows read per record, import bench data (seed ${o.seed}), partial keys of more than ${partialKeyLimit} entities ${o.partialRows ? 'read' : 'skipped'}\n`,
  );
  for (const { record, entityId } of importDatasetRecords(o.records, o.seed)) {
    for (const key of blockingKeys(normalizeRecord(record).record)) {
      const id = `${key.type}:${key.value}`;
      const value = state.get(id) ?? { rows: 0, entities: new Set<string>() };
      state.set(id, value);
      const entities = value.entities?.size ?? Infinity;
      const skipped =
        entities > genericKeyLimit ||
        (!o.partialRows && PARTIAL.has(key.type) && entities > partialKeyLimit);
      if (!skipped)
        slice.set(key.type, (slice.get(key.type) ?? 0) + Math.min(value.rows, rowLimit));
      value.rows++;
      value.entities?.add(entityId);
      if (entities > genericKeyLimit) value.entities = null;
    }
    if (++done % o.slice === 0) {
      report(done, o.slice, slice);
      slice = new Map();
    }
  }
}

function report(rowsUpTo: number, rows: number, byType: Map<string, number>): void {
  const total = [...byType.values()].reduce((a, b) => a + b, 0);
  const types = [...byType]
    .filter(([, n]) => n / rows >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${(n / rows).toFixed(2)}`);
  process.stdout.write(
    `  rows up to ${String(rowsUpTo).padStart(9)}: ${(total / rows).toFixed(2)} per record (${types.join(', ')})\n`,
  );
}

main();
