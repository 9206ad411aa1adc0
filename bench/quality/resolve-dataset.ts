/**
 * Feeds a labelled dataset to the engine record by record, in file order, and collects which
 * customer number each record ended up with.
 */
import { Presets, SingleBar } from 'cli-progress';
import { recordKey, type LabelledDataset } from './labelled-dataset';
import type { QualityResolver } from './resolver-factory';

export interface ResolvedDataset {
  /** recordKey → customer number (survivor numbers when the resolver can tell). */
  predicted: Map<string, string>;
  decisions: Record<string, number>;
  errors: number;
  /** The first few error messages, to print. */
  errorSamples: string[];
  seconds: number;
}

export async function resolveDataset(
  dataset: LabelledDataset,
  resolver: QualityResolver,
  progress: boolean,
): Promise<ResolvedDataset> {
  const predicted = new Map<string, string>();
  const decisions: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  const bar = progress
    ? new SingleBar({ stream: process.stderr }, Presets.shades_classic)
    : undefined;
  bar?.start(dataset.records.length, 0);
  const started = performance.now();
  for (const [i, record] of dataset.records.entries()) {
    const key = recordKey(record);
    try {
      const outcome = await resolver.resolve(record);
      predicted.set(key, outcome.customerNumber);
      decisions[outcome.decision] = (decisions[outcome.decision] ?? 0) + 1;
    } catch (error) {
      // A refused record stays alone: scored as its own cluster, counted and reported.
      predicted.set(key, `error:${key}`);
      errors += 1;
      if (errorSamples.length < 5) errorSamples.push(`${key}: ${String(error)}`);
    }
    if (i % 500 === 0) bar?.update(i);
  }
  const seconds = (performance.now() - started) / 1000;
  bar?.update(dataset.records.length);
  bar?.stop();
  await followMerges(predicted, resolver);
  return { predicted, decisions, errors, errorSamples, seconds };
}

/** Replaces customer numbers retired by later merges with their survivors. */
async function followMerges(
  predicted: Map<string, string>,
  resolver: QualityResolver,
): Promise<void> {
  if (resolver.currentCustomerNumbers === undefined) return;
  const issued = [...new Set(predicted.values())].filter((n) => !n.startsWith('error:'));
  const current = await resolver.currentCustomerNumbers(issued);
  for (const [key, number] of predicted) {
    const survivor = current.get(number);
    if (survivor !== undefined) predicted.set(key, survivor);
  }
}
