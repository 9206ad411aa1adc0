/**
 * An in-memory resolver with the same blocking, scoring and decision functions as the service:
 * records arrive one by one, each is scored against the customers found through its blocking keys
 * and linked, sent to review (kept apart) or made a new customer. Used to tune the default match
 * configuration on labelled data and by the quality benchmark; no database involved.
 */
import type { NormalizedRecord } from '../normalize/normalized-record';
import { blockingKeys, PARTIAL_KEY_TYPES } from './blocking-keys';
import { decide, type RankedCandidate } from './decide';
import type { MatchConfig } from './match-config';
import { scoreCandidate, type TermFrequencies } from './score';

export interface OfflineOptions {
  config: MatchConfig;
  /** Apply merge proposals immediately (a steward accepting every one); default false. */
  applyMerges?: boolean;
}

export interface OfflineResult {
  /** Customer number (0-based, in order of creation) of each input record. */
  customerOf: Int32Array;
  customerCount: number;
  links: number;
  reviews: number;
  creates: number;
  mergeProposals: Array<[number, number]>;
  /** Candidates scored in total (blocking efficiency). */
  comparisons: number;
  /** Candidates scored for each input record (how blocking grows with the customers). */
  candidatesOf: Int32Array;
}

class CustomerIndex implements TermFrequencies {
  readonly records: NormalizedRecord[][] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly nameCounts = new Map<string, number>();
  private readonly names: Array<Set<string>> = [];
  /** Merged-away customers point at their survivor. */
  readonly mergedInto: number[] = [];

  get population(): number {
    return this.records.length;
  }

  nameCount(pinyinKey: string): number {
    return this.nameCounts.get(pinyinKey) ?? 0;
  }

  resolve(customer: number): number {
    let current = customer;
    while (this.mergedInto[current] !== current) current = this.mergedInto[current];
    return current;
  }

  /**
   * The rule of the service's reads (mdm_read_one): a key of more than genericKeyLimit customers,
   * or a partial key (PARTIAL_KEY_TYPES) of more than partialKeyLimit, is skipped; beyond
   * maxCandidates, those sharing the most keys.
   */
  candidates(keys: readonly OfflineKey[], config: MatchConfig): number[] {
    const shared = new Map<number, number>();
    for (const k of keys) {
      const customers = this.byKey.get(k.text);
      if (!customers || customers.length > config.genericKeyLimit) continue;
      if (k.partial && customers.length > config.partialKeyLimit) continue;
      for (const c of customers) {
        const id = this.resolve(c);
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    return [...shared]
      .sort(([a, x], [b, y]) => y - x || a - b)
      .slice(0, config.maxCandidates)
      .map(([id]) => id);
  }

  create(): number {
    this.records.push([]);
    this.names.push(new Set());
    this.mergedInto.push(this.records.length - 1);
    return this.records.length - 1;
  }

  add(customer: number, record: NormalizedRecord, keys: readonly OfflineKey[]): void {
    this.records[customer].push(record);
    for (const { text } of keys) {
      const list = this.byKey.get(text);
      if (!list) this.byKey.set(text, [customer]);
      else if (!list.includes(customer)) list.push(customer);
    }
    const name = record.personName?.pinyinKey;
    if (name && !this.names[customer].has(name)) {
      this.names[customer].add(name);
      this.nameCounts.set(name, this.nameCount(name) + 1);
    }
  }

  merge(survivor: number, merged: number): void {
    this.records[survivor].push(...this.records[merged]);
    this.records[merged] = [];
    this.mergedInto[merged] = survivor;
  }
}

interface OfflineKey {
  text: string;
  partial: boolean;
}

const PARTIAL_TYPES: ReadonlySet<string> = new Set(PARTIAL_KEY_TYPES);

function offlineKeys(record: NormalizedRecord): OfflineKey[] {
  return blockingKeys(record).map((k) => ({
    text: `${k.type}:${k.value}`,
    partial: PARTIAL_TYPES.has(k.type),
  }));
}

/** Resolves `records` in order; see the file comment. */
export function clusterOffline(
  records: readonly NormalizedRecord[],
  options: OfflineOptions,
): OfflineResult {
  const { config } = options;
  const index = new CustomerIndex();
  const assigned = new Int32Array(records.length);
  const candidatesOf = new Int32Array(records.length);
  const result = { links: 0, reviews: 0, creates: 0, comparisons: 0 };
  const mergeProposals: Array<[number, number]> = [];
  records.forEach((record, i) => {
    const keys = offlineKeys(record);
    const scored: Array<RankedCandidate<number>> = [];
    for (const customer of index.candidates(keys, config)) {
      const { score } = scoreCandidate(record, index.records[customer], {
        config,
        termFrequencies: index,
      });
      scored.push({ customerId: customer, score });
    }
    result.comparisons += scored.length;
    candidatesOf[i] = scored.length;
    const decision = decide(scored, config.thresholds);
    const customer =
      decision.decision === 'link' && decision.best ? decision.best.customerId : index.create();
    if (decision.decision === 'link') result.links++;
    else if (decision.decision === 'review') result.reviews++;
    else result.creates++;
    index.add(customer, record, keys);
    assigned[i] = customer;
    if (decision.mergeProposal) {
      mergeProposals.push(decision.mergeProposal);
      if (options.applyMerges) index.merge(decision.mergeProposal[0], decision.mergeProposal[1]);
    }
  });
  const customerOf = assigned.map((c) => index.resolve(c));
  return { customerOf, customerCount: index.population, ...result, candidatesOf, mergeProposals };
}

export interface PairwiseQuality {
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function countPairs(labels: Iterable<string>): number {
  const sizes = new Map<string, number>();
  for (const label of labels) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  let total = 0;
  for (const size of sizes.values()) total += pairs(size);
  return total;
}

/** Pairwise precision / recall / F1 of a clustering against ground-truth entity labels. */
export function pairwiseQuality(
  predicted: ArrayLike<number>,
  truth: ArrayLike<string | number>,
): PairwiseQuality {
  const indices = Array.from({ length: predicted.length }, (_, i) => i);
  const truePositives = countPairs(indices.map((i) => `${predicted[i]}\u0000${truth[i]}`));
  const predictedPairs = countPairs(indices.map((i) => String(predicted[i])));
  const truePairs = countPairs(indices.map((i) => String(truth[i])));
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predictedPairs, truePairs, precision, recall, f1 };
}
