/** Quality results: the JSON written to bench/results and the terminal summary. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo, type MachineInfo } from '../common/machine';
import type { ClusteringScores } from './metrics';
import type { EngineInfo } from './resolver-factory';

export interface QualityResult extends ClusteringScores {
  dataset: string;
  reviewItems: number;
  /** Records per engine decision (linked, created, review, ...). */
  decisions: Record<string, number>;
  /** Records the engine refused or failed on; each is scored as a cluster of its own. */
  errors: number;
  /** Time spent resolving (loading the dataset and scoring excluded). */
  seconds: number;
  recordsPerSecond: number;
  engine: EngineInfo;
  timestamp: string;
  machine: MachineInfo;
}

export interface RunMeasurements {
  reviewItems: number;
  decisions: Record<string, number>;
  errors: number;
  seconds: number;
}

export function buildResult(
  dataset: string,
  scores: ClusteringScores,
  run: RunMeasurements,
  engine: EngineInfo,
  now: Date = new Date(),
): QualityResult {
  return {
    dataset,
    ...scores,
    ...run,
    recordsPerSecond: run.seconds > 0 ? Math.round(scores.records / run.seconds) : 0,
    engine,
    timestamp: now.toISOString(),
    machine: machineInfo(),
  };
}

/** Writes `quality-<dataset>.json` into `dir` and returns its path. */
export function writeResultJson(result: QualityResult, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `quality-${result.dataset}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const int = (x: number): string => x.toLocaleString('en-US');

export function formatResult(r: QualityResult): string {
  const p = r.pairwise;
  const b = r.bcubed;
  return [
    `${r.dataset}: ${int(r.records)} records, ${int(r.entities)} true entities, ${int(r.clusters)} customers`,
    `  pairwise  P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}` +
      `  (TP ${int(p.tp)}, FP ${int(p.fp)}, FN ${int(p.fn)}; true pairs ${int(r.truePairs)})`,
    `  B-cubed   P ${pct(b.precision)}  R ${pct(b.recall)}  F1 ${pct(b.f1)}`,
    `  review items ${int(r.reviewItems)}, errors ${int(r.errors)}, decisions ${formatDecisions(r.decisions)}`,
    `  ${r.seconds.toFixed(1)} s, ${int(r.recordsPerSecond)} records/s, engine ${r.engine.version} (${r.engine.configHash})`,
  ].join('\n');
}

function formatDecisions(decisions: Record<string, number>): string {
  const entries = Object.entries(decisions).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '-' : entries.map(([d, n]) => `${d} ${int(n)}`).join(', ');
}

const COLUMNS = [
  'dataset',
  'records',
  'clusters',
  'P',
  'R',
  'F1',
  'B³ P',
  'B³ R',
  'B³ F1',
  'review',
  'rec/s',
];

/** One row per dataset, aligned for a terminal. */
export function formatTable(results: readonly QualityResult[]): string {
  const rows = results.map((r) => [
    r.dataset,
    int(r.records),
    int(r.clusters),
    pct(r.pairwise.precision),
    pct(r.pairwise.recall),
    pct(r.pairwise.f1),
    pct(r.bcubed.precision),
    pct(r.bcubed.recall),
    pct(r.bcubed.f1),
    int(r.reviewItems),
    int(r.recordsPerSecond),
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
