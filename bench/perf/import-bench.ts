/**
 * `npm run bench:import`: end-to-end import throughput on generated Chinese multi-channel records.
 *
 * Server mode: a scratch database on local PostgreSQL, Redis, the built API and `--workers`
 * worker processes (`node dist/src/worker.js`). The file is uploaded through POST /v1/imports and
 * followed through GET /v1/imports/{id}. Reports records/s per slice of rows (it must not decay
 * as the database grows), each worker's peak memory (VmHWM), and a plain COPY of the same rows
 * into a scratch table as the physical limit, and where the CPU time went (PostgreSQL, workers,
 * API) per record: on a shared 2-core machine records/s varies by half from hour to hour, CPU
 * time per record much less, so it is what compares two versions. Embedded mode: `cli import` on PGlite in a
 * temporary folder. Printed, and written to bench/results/perf-import.json.
 *
 *   npm run bench:import -- --records 100000 --embedded-records 100000
 */
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describeMachine, machineInfo } from '../common/machine';
import { findProjectRoot } from '../common/project-paths';
import { createScratchDatabase } from '../common/scratch-database';
import { startApi } from './api-process';
import { copyBaseline } from './import-copy';
import { CpuMeter, type CpuUse } from './cpu-accounting';
import { dropQueueKeys } from '../common/queue-keys';
import { countRows } from './import-maintenance';
import { describeServerSettings, type ServerSettings, serverSettings } from './server-settings';
import { writeDataset } from './import-dataset';
import { peakRss, runCli, startWorker } from './import-processes';
import { type ImportSlice, round, slices } from './import-slices';
import { type ImportState, runImport } from './import-run';

interface Options {
  records: number;
  embeddedRecords: number;
  workers: number;
  concurrency: number;
  chunkRows: number;
  slice: number;
  seed: number;
  port: number;
  file?: string;
  server: boolean;
}

interface ServerResult {
  records: number;
  workers: number;
  concurrency: number;
  chunkRows: number;
  uploadSeconds: number;
  importSeconds: number;
  recordsPerSecond: number;
  slices: ImportSlice[];
  workerPeakMb: number[];
  apiPeakMb: number;
  outcome: Record<string, number | null>;
  copy: { rows: number; seconds: number; rowsPerSecond: number };
  ratioToCopy: number;
  /** Rows resolved one transaction each after their chunk's transaction failed (deadlocks...). */
  rowsResolvedAlone: number;
  /** CPU seconds over the import (after the processes started, before the COPY baseline). */
  cpu: CpuUse;
  /** The server's settings (with autovacuum off, the service runs ANALYZE itself: StatisticsKeeper). */
  settings: ServerSettings;
}

interface EmbeddedResult {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  peakMb: number;
  outcome: Record<string, number | null>;
}

async function main(): Promise<void> {
  const o = new Command('bench:import')
    .option('--records <n>', 'records for the server-mode run', Number, 100_000)
    .option('--embedded-records <n>', 'records for the embedded run (0: skip)', Number, 100_000)
    .option('--workers <n>', 'worker processes', Number, 2)
    .option('--concurrency <n>', 'jobs at once per worker (WORKER_CONCURRENCY)', Number, 1)
    .option('--chunk-rows <n>', 'rows per chunk (IMPORT_CHUNK_ROWS)', Number, 50)
    .option('--slice <n>', 'rows per reported slice', Number, 100_000)
    .option('--seed <n>', 'generator seed', Number, 42)
    .option('--port <n>', 'API port', Number, 3918)
    .option('--file <path>', 'reuse this NDJSON file instead of generating one')
    .option('--no-server', 'skip the server-mode run')
    .parse()
    .opts<Options>();
  const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const wanted = Math.max(o.server ? o.records : 0, o.embeddedRecords);
    const file = o.file ?? join(work, 'records.ndjson');
    if (o.file === undefined) {
      process.stderr.write(`Generating ${wanted} records...\n`);
      await writeDataset(file, wanted, o.seed);
    }
    const server = o.server ? await serverRun(o, file, work) : undefined;
    // Reported at once: a failing embedded run must not lose a long server run's figures.
    if (server !== undefined) report(o, server);
    const embedded = o.embeddedRecords > 0 ? await embeddedRun(o, file, work) : undefined;
    if (embedded !== undefined) report(o, server, embedded);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function serverRun(o: Options, source: string, work: string): Promise<ServerResult> {
  const file = await firstLines(source, o.records, join(work, 'server.ndjson'));
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const scratch = await createScratchDatabase(databaseUrl, 'import');
  const env = {
    DATABASE_URL: scratch.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `benchimport_${Date.now().toString(36)}`,
    IMPORT_STORAGE_DIR: join(work, 'storage'),
    IMPORT_CHUNK_ROWS: String(o.chunkRows),
    WORKER_CONCURRENCY: String(o.concurrency),
    DB_POOL_SIZE: String(o.concurrency + 2),
    LOG_LEVEL: 'warn',
  };
  const settings = await serverSettings(scratch.url);
  const api = await startApi(scratch.url, redisUrl, o.port, env);
  const workers = await Promise.all(Array.from({ length: o.workers }, () => startWorker(env)));
  try {
    process.stderr.write(
      `Server mode: importing ${o.records} records with ${o.workers} workers...\n`,
    );
    let sliceLines = 0;
    const meter = new CpuMeter(
      () => workers.flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
      api.process.pid,
    );
    const { uploadSeconds, last, samples } = await runImport(
      api.url,
      api.key,
      file,
      (state, so) => {
        // Each slice as soon as it is reached, so a long run shows its trend while it goes.
        const reached = slices(so, o.records, o.slice);
        if (reached.length > sliceLines) {
          const s = reached[reached.length - 1];
          process.stderr.write(
            `\n  slice up to ${s.upTo}: ${s.seconds} s, ${s.recordsPerSecond} records/s\n`,
          );
          sliceLines = reached.length;
        }
        process.stderr.write(
          `\r  ${state.rows.processed}/${state.rows.total ?? '?'} rows, ${Math.round(state.recordsPerSecond ?? 0)} rows/s   `,
        );
      },
    );
    const cpu = meter.stop();
    process.stderr.write('\n');
    if (last.state !== 'completed')
      throw new Error(`import ${last.state}: ${JSON.stringify(last.failure)}`);
    const importSeconds = samples[samples.length - 1].t;
    const workerPeakMb = workers.map((w) => peakRss(w.process.pid));
    const apiPeakMb = peakRss(api.process.pid);
    const rowsResolvedAlone = await countRows(
      scratch.url,
      'SELECT count(*) AS n FROM import_row_outcomes',
    );
    process.stderr.write('COPY baseline...\n');
    const copy = await copyBaseline(scratch.url, file);
    const recordsPerSecond = o.records / importSeconds;
    const copyRate = copy.rows / copy.seconds;
    return {
      records: o.records,
      workers: o.workers,
      concurrency: o.concurrency,
      chunkRows: o.chunkRows,
      uploadSeconds: round(uploadSeconds),
      importSeconds: round(importSeconds),
      recordsPerSecond: Math.round(recordsPerSecond),
      slices: slices(samples, o.records, o.slice),
      workerPeakMb,
      apiPeakMb,
      outcome: last.rows,
      copy: { ...copy, seconds: round(copy.seconds), rowsPerSecond: Math.round(copyRate) },
      ratioToCopy: round(recordsPerSecond / copyRate, 4),
      rowsResolvedAlone,
      cpu,
      settings,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await api.stop();
    await scratch.drop();
    await dropQueueKeys(redisUrl, env.QUEUE_PREFIX);
  }
}

async function embeddedRun(o: Options, source: string, work: string): Promise<EmbeddedResult> {
  const file = await firstLines(source, o.embeddedRecords, join(work, 'embedded.ndjson'));
  process.stderr.write(`Embedded mode: importing ${o.embeddedRecords} records (cli import)...\n`);
  const started = performance.now();
  const run = await runCli(['import', file, '--source', 'bench', '--json'], {
    // Embedded mode whatever the bench's own environment says (it may point at a server).
    DATABASE_URL: '',
    REDIS_URL: '',
    DATA_DIR: join(work, 'embedded-data'),
    IMPORT_CHUNK_ROWS: String(o.chunkRows),
    LOG_LEVEL: 'warn',
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.code !== 0) throw new Error(`cli import exited with ${run.code}`);
  const summary = JSON.parse(run.stdout) as ImportState;
  return {
    records: o.embeddedRecords,
    seconds: round(seconds),
    recordsPerSecond: Math.round(o.embeddedRecords / seconds),
    peakMb: run.peakMb,
    outcome: summary.rows,
  };
}

function describeCpu(cpu: CpuUse, records: number): string {
  const perRecord = (seconds: number) => `${((seconds * 1000) / records).toFixed(2)} ms`;
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  return `CPU per record: PostgreSQL ${perRecord(cpu.postgresSeconds)}, workers ${perRecord(cpu.workerSeconds)}, API ${perRecord(cpu.apiSeconds)}; machine busy ${percent(cpu.machineBusy)} (steal ${percent(cpu.machineSteal)})`;
}

/** The first `count` lines of an NDJSON file (the same rows for every run). */
async function firstLines(source: string, count: number, target: string): Promise<string> {
  const out = createWriteStream(target);
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(source) })) {
    if (n++ === count) break;
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  if (n < count) throw new Error(`${source} has only ${n} records, ${count} wanted`);
  return target;
}

function report(o: Options, server?: ServerResult, embedded?: EmbeddedResult): void {
  const lines = [
    `Import throughput, ${describeMachine()}; generated Chinese multi-channel records (seed ${o.seed})`,
  ];
  if (server !== undefined) {
    lines.push(
      '',
      `Server mode: ${server.records} records, ${server.workers} workers x concurrency ${server.concurrency}, chunks of ${server.chunkRows} rows`,
      `  upload ${server.uploadSeconds} s; import ${server.importSeconds} s = ${server.recordsPerSecond} records/s end to end`,
      `  COPY of the same rows: ${server.copy.rowsPerSecond} rows/s (${server.copy.seconds} s); import/COPY = ${server.ratioToCopy}`,
      `  worker peak memory (VmHWM): ${server.workerPeakMb.map((m) => `${m} MB`).join(', ')}; API ${server.apiPeakMb} MB`,
      `  ${describeCpu(server.cpu, server.records)}`,
      `  outcome: ${JSON.stringify(server.outcome)}; rows resolved alone after a failed chunk transaction: ${server.rowsResolvedAlone}`,
      `  server: ${describeServerSettings(server.settings)}`,
      '  rows up to | seconds | records/s',
      ...server.slices.map(
        (s) =>
          `  ${String(s.upTo).padStart(10)} | ${String(s.seconds).padStart(7)} | ${String(s.recordsPerSecond).padStart(9)}`,
      ),
    );
  }
  if (embedded !== undefined) {
    lines.push(
      '',
      `Embedded mode (PGlite, cli import): ${embedded.records} records in ${embedded.seconds} s = ${embedded.recordsPerSecond} records/s; peak ${embedded.peakMb} MB`,
      `  outcome: ${JSON.stringify(embedded.outcome)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const dir = join(findProjectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'perf-import.json'),
    `${JSON.stringify({ server, embedded, machine: machineInfo(), at: new Date().toISOString() }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
