/** A dataset with ground truth, as every quality loader returns it. */
import type { CustomerRecordInput } from '../../src/normalize/customer-record';

export interface LabelledDataset {
  name: string;
  records: CustomerRecordInput[];
  /** recordKey(record) → true entity id; one entry per record. */
  truth: Map<string, string>;
}

/** How a record is identified in truth and results: `${source}/${sourceId}`. */
export function recordKey(record: Pick<CustomerRecordInput, 'source' | 'sourceId'>): string {
  return `${record.source}/${record.sourceId}`;
}

/** Accumulates records and their entities, refusing a record key seen twice. */
export class DatasetBuilder {
  private readonly records: CustomerRecordInput[] = [];
  private readonly truth = new Map<string, string>();

  constructor(private readonly name: string) {}

  add(record: CustomerRecordInput, entityId: string): void {
    const key = recordKey(record);
    if (this.truth.has(key)) throw new Error(`${this.name}: duplicate record key ${key}`);
    this.truth.set(key, entityId);
    this.records.push(record);
  }

  build(): LabelledDataset {
    return { name: this.name, records: this.records, truth: this.truth };
  }
}

/** Trimmed value, or undefined when empty: dataset files leave missing values blank. */
export function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Drops undefined properties so records look as a channel would send them. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
