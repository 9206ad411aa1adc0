/**
 * A deliberately naive second implementation of the clustering scores, for cross-checking
 * metrics.ts on small inputs: it enumerates every pair of records and, for B-cubed, compares
 * every record with every other. O(n²): for tests only.
 */
import type { BCubedScores, PairwiseScores } from './metrics';

export interface NaiveScores {
  pairwise: PairwiseScores;
  bcubed: BCubedScores;
  entities: number;
  clusters: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function harmonicMean(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

export function naiveScores(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): NaiveScores {
  const keys = [...truth.keys()];
  const entityOf = keys.map((k) => truth.get(k));
  const clusterOf = keys.map((k) => predicted.get(k));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const sameEntity = entityOf[i] === entityOf[j];
      const sameCluster = clusterOf[i] === clusterOf[j];
      if (sameEntity && sameCluster) tp++;
      else if (sameCluster) fp++;
      else if (sameEntity) fn++;
    }
  }
  let precisionSum = 0;
  let recallSum = 0;
  for (let i = 0; i < keys.length; i++) {
    let inCluster = 0;
    let inEntity = 0;
    let inBoth = 0;
    for (let j = 0; j < keys.length; j++) {
      const sameCluster = clusterOf[i] === clusterOf[j];
      const sameEntity = entityOf[i] === entityOf[j];
      if (sameCluster) inCluster++;
      if (sameEntity) inEntity++;
      if (sameCluster && sameEntity) inBoth++;
    }
    precisionSum += inBoth / inCluster;
    recallSum += inBoth / inEntity;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const bPrecision = ratio(precisionSum, keys.length);
  const bRecall = ratio(recallSum, keys.length);
  return {
    pairwise: { precision, recall, f1: harmonicMean(precision, recall), tp, fp, fn },
    bcubed: { precision: bPrecision, recall: bRecall, f1: harmonicMean(bPrecision, bRecall) },
    entities: new Set(entityOf).size,
    clusters: new Set(clusterOf).size,
  };
}
