/**
 * CLI: synthetic Chinese multi-channel customer records as NDJSON, one CustomerRecordInput per
 * line plus its ground-truth "entityId".
 *
 *   node dist/bench/gen/generate.js --persons 380000 --orgs 70000 --seed 42 --out /tmp/synthetic.ndjson
 *
 * Writes to stdout without --out; the summary (counts and realised hard-case rates) goes to stderr.
 */
import { createWriteStream } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { datasetsDir } from '../common/project-paths';
import { generateRecords } from './generator';
import { NdjsonWriter } from './ndjson-writer';
import { loadReferenceData } from './reference-data';
import { GeneratorStats } from './stats';

interface CliOptions {
  persons: number;
  orgs: number;
  seed: number;
  out?: string;
  datasets?: string;
  progress: boolean;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

async function main(): Promise<void> {
  const options = new Command()
    .name('generate')
    .description('Synthetic Chinese multi-channel customer records with ground truth (NDJSON)')
    .option('--persons <n>', 'number of real persons', nonNegativeInt, 1000)
    .option('--orgs <n>', 'number of real organisations', nonNegativeInt, 200)
    .option('--seed <n>', 'random seed (same seed, same output)', nonNegativeInt, 1)
    .option('--out <file>', 'output file (default: stdout)')
    .option(
      '--datasets <dir>',
      'datasets folder (default: ../shared/datasets from the project root)',
    )
    .option('--no-progress', 'no progress bar')
    .parse()
    .opts<CliOptions>();

  const started = performance.now();
  const ref = loadReferenceData(datasetsDir(options.datasets));
  const loaded = performance.now();
  const stats = new GeneratorStats();
  const writer = new NdjsonWriter(
    options.out === undefined ? process.stdout : createWriteStream(options.out),
  );
  const expected = Math.round((options.persons + options.orgs) * 2.3);
  const bar =
    options.progress && options.out !== undefined && process.stderr.isTTY
      ? new SingleBar({ stream: process.stderr, etaBuffer: 100 }, Presets.shades_classic)
      : undefined;
  bar?.start(expected, 0);
  let written = 0;
  for (const generated of generateRecords(options, ref, stats)) {
    await writer.write(JSON.stringify({ ...generated.record, entityId: generated.entityId }));
    written += 1;
    if (bar !== undefined && written % 10000 === 0) bar.update(Math.min(written, expected));
  }
  await writer.close();
  bar?.update(expected);
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    ...stats.summary(),
    seed: options.seed,
    referenceDataSeconds: Number(((loaded - started) / 1000).toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(written / seconds),
  };
  process.stderr.write(`${JSON.stringify(summary, null, 2)}\n`);
}

// `generate ... | head` closes stdout early: stop quietly instead of failing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
