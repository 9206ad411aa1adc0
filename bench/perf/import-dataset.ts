import { createWriteStream } from 'node:fs';
import { datasetsDir } from '../common/project-paths';
import { generateRecords } from '../gen/generator';
import type { GeneratedRecord } from '../gen/record-draft';
import { NdjsonWriter } from '../gen/ndjson-writer';
import { loadReferenceData } from '../gen/reference-data';

/** Records per real entity the generator produces on average (several channels each). */
const RECORDS_PER_ENTITY = 2.3;

/** Persons and organisations enough for `records` generated records (85 % persons). */
export function populationFor(records: number): { persons: number; orgs: number } {
  const entities = Math.ceil((records / RECORDS_PER_ENTITY) * 1.1);
  return { persons: Math.ceil(entities * 0.85), orgs: Math.ceil(entities * 0.15) };
}

/** The first `count` records of the import bench's data set, in file order. */
export function* importDatasetRecords(count: number, seed: number): Generator<GeneratedRecord> {
  const generated = generateRecords(
    { ...populationFor(count), seed },
    loadReferenceData(datasetsDir()),
  );
  let produced = 0;
  for (const record of generated) {
    if (produced++ === count) return;
    yield record;
  }
}

/**
 * Writes `count` generated Chinese multi-channel records as NDJSON (each line carries its
 * channel's `source` and a ground-truth `entityId`; the import ignores both).
 */
export async function writeDataset(path: string, count: number, seed: number): Promise<number> {
  const writer = new NdjsonWriter(createWriteStream(path));
  let written = 0;
  for (const { record, entityId } of importDatasetRecords(count, seed)) {
    await writer.write(JSON.stringify({ ...record, entityId }));
    written++;
  }
  await writer.close();
  return written;
}
