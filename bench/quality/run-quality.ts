/**
 * CLI: match quality of the engine on labelled datasets.
 *
 *   node dist/bench/quality/run-quality.js --dataset febrl4
 *   node dist/bench/quality/run-quality.js --all [--datasets DIR] [--results DIR]
 *
 * For each dataset: a fresh resolver (fresh database), every record resolved in file order, then
 * pairwise and B-cubed scores against the ground truth, printed and written to
 * bench/results/quality-<dataset>.json.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { datasetsDir, findProjectRoot } from '../common/project-paths';
import { DATASET_NAMES, isDatasetName, loadDataset, type DatasetName } from './datasets/registry';
import { scoreClustering } from './metrics';
import {
  buildResult,
  formatResult,
  formatTable,
  writeResultJson,
  type QualityResult,
} from './report';
import { resolveDataset } from './resolve-dataset';
import { createQualityResolver } from './resolver-factory';

interface CliOptions {
  dataset?: string;
  all?: boolean;
  datasets?: string;
  results?: string;
  progress: boolean;
}

function parseOptions(): { names: DatasetName[]; options: CliOptions } {
  const options = new Command()
    .name('run-quality')
    .description('Match quality on labelled datasets (pairwise and B-cubed precision/recall/F1)')
    .option('--dataset <name>', `one of ${DATASET_NAMES.join(', ')}`)
    .option('--all', 'every dataset (those whose files are missing are skipped with a warning)')
    .option(
      '--datasets <dir>',
      'datasets folder (default: ../shared/datasets from the project root)',
    )
    .option('--results <dir>', 'where to write quality-<dataset>.json (default: bench/results)')
    .option('--no-progress', 'no progress bar')
    .parse()
    .opts<CliOptions>();
  if (options.all === true) return { names: [...DATASET_NAMES], options };
  if (options.dataset !== undefined && isDatasetName(options.dataset)) {
    return { names: [options.dataset], options };
  }
  throw new Error(`give --all or --dataset with one of: ${DATASET_NAMES.join(', ')}`);
}

async function runOne(name: DatasetName, options: CliOptions): Promise<QualityResult> {
  const dataset = loadDataset(name, datasetsDir(options.datasets));
  const resolver = await createQualityResolver({ dataset: name });
  try {
    const run = await resolveDataset(dataset, resolver, options.progress && process.stderr.isTTY);
    for (const sample of run.errorSamples) process.stderr.write(`  error ${sample}\n`);
    const scores = scoreClustering(dataset.truth, run.predicted);
    const reviewItems = await resolver.reviewCount();
    return buildResult(name, scores, { ...run, reviewItems }, resolver.engine);
  } finally {
    await resolver.close();
  }
}

async function main(): Promise<void> {
  const { names, options } = parseOptions();
  const resultsDir = options.results ?? join(findProjectRoot(), 'bench', 'results');
  const results: QualityResult[] = [];
  const failures: string[] = [];
  for (const name of names) {
    try {
      const result = await runOne(name, options);
      results.push(result);
      process.stdout.write(`${formatResult(result)}\n`);
      process.stdout.write(`  → ${writeResultJson(result, resultsDir)}\n\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      process.stderr.write(`${names.length > 1 ? 'skipped' : 'failed'} ${name}: ${message}\n`);
    }
  }
  if (results.length > 1) process.stdout.write(`${formatTable(results)}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
