/**
 * Clustering quality against ground truth, computed from the contingency table of (true entity,
 * predicted cluster) counts, so 1M records cost one pass and no pair enumeration:
 * - pairwise: a pair of records is predicted (same cluster) and/or true (same entity);
 *   TP = Σ C(n_ec, 2), predicted = Σ C(|c|, 2), true = Σ C(|e|, 2);
 * - B-cubed (Bagga & Baldwin): per record, precision |c ∩ e| / |c| and recall |c ∩ e| / |e|,
 *   averaged over records, i.e. Σ n_ec² / |c| / N and Σ n_ec² / |e| / N.
 * Precision (recall) is 1 when nothing was predicted (nothing is true) to be linked: no claim, no error.
 */
export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface BCubedScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusteringScores {
  records: number;
  entities: number;
  clusters: number;
  /** Pairs of records that truly belong together, and pairs the clustering put together. */
  truePairs: number;
  predictedPairs: number;
  pairwise: PairwiseScores;
  bcubed: BCubedScores;
}

export function f1Score(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Small integer ids for arbitrary labels, in order of first appearance. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly sizes: number[] = [];

  id(label: string): number {
    let id = this.ids.get(label);
    if (id === undefined) {
      id = this.sizes.length;
      this.ids.set(label, id);
      this.sizes.push(0);
    }
    this.sizes[id] += 1;
    return id;
  }
}

/**
 * Scores `predicted` (record key → cluster label, e.g. customer number) against `truth`
 * (record key → entity id). Every key of truth must have a prediction and vice versa.
 */
export function scoreClustering(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): ClusteringScores {
  if (truth.size !== predicted.size) {
    throw new Error(`truth has ${truth.size} records but the prediction ${predicted.size}`);
  }
  const entities = new Interner();
  const clusters = new Interner();
  const entityIds = new Int32Array(truth.size);
  const clusterIds = new Int32Array(truth.size);
  let i = 0;
  for (const [key, entity] of truth) {
    const cluster = predicted.get(key);
    if (cluster === undefined) throw new Error(`no prediction for record ${key}`);
    entityIds[i] = entities.id(entity);
    clusterIds[i] = clusters.id(cluster);
    i++;
  }
  // Contingency cells keyed entity * width + cluster: below 2^53 for any realistic input.
  const width = clusters.sizes.length;
  const cells = new Map<number, number>();
  for (let r = 0; r < entityIds.length; r++) {
    const cell = entityIds[r] * width + clusterIds[r];
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }

  let tp = 0;
  let bcubedPrecisionSum = 0;
  let bcubedRecallSum = 0;
  for (const [cell, n] of cells) {
    const e = Math.floor(cell / width);
    const c = cell - e * width;
    tp += pairs(n);
    bcubedPrecisionSum += (n * n) / clusters.sizes[c];
    bcubedRecallSum += (n * n) / entities.sizes[e];
  }
  const truePairs = entities.sizes.reduce((sum, n) => sum + pairs(n), 0);
  const predictedPairs = clusters.sizes.reduce((sum, n) => sum + pairs(n), 0);
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const records = truth.size;
  const bPrecision = records === 0 ? 1 : bcubedPrecisionSum / records;
  const bRecall = records === 0 ? 1 : bcubedRecallSum / records;
  return {
    records,
    entities: entities.sizes.length,
    clusters: clusters.sizes.length,
    truePairs,
    predictedPairs,
    pairwise: {
      precision,
      recall,
      f1: f1Score(precision, recall),
      tp,
      fp: predictedPairs - tp,
      fn: truePairs - tp,
    },
    bcubed: { precision: bPrecision, recall: bRecall, f1: f1Score(bPrecision, bRecall) },
  };
}

/** Pairs of records that belong together according to `labels` (record → entity or cluster). */
export function countLinkedPairs(labels: ReadonlyMap<string, string>): number {
  const sizes = new Map<string, number>();
  for (const label of labels.values()) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  let total = 0;
  for (const n of sizes.values()) total += pairs(n);
  return total;
}
