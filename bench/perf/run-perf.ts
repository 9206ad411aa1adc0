/**
 * `npm run bench:perf`: resolve latency / throughput at 1, 16 and 64 concurrent clients against a
 * server-mode API on a scratch database (local PostgreSQL + Redis), on generated Chinese
 * multi-channel records. Results are printed and written to bench/results/perf-resolve.json.
 * `--preload N` first imports N records of the same population, so that latency is measured
 * against a database of that size rather than an empty one. `--import 100000,1000000` then
 * measures batch import throughput at those sizes, each with the import bench (`npm run bench:import`, bench/perf/import-bench.ts: records/s per slice, peak memory
 * of each process, the COPY of the same rows and the ratio). Each run also reports the CPU time
 * per request of the API process and of PostgreSQL (all its processes), which varies much less
 * than latency from hour to hour on a shared machine. `--pool N` sets the API's DB_POOL_SIZE
 * (default: the service's own default, twice the cores plus one).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { defaultPoolSize } from '../../src/config/environment';
import { describeMachine, machineInfo } from '../common/machine';
import { datasetsDir, findProjectRoot } from '../common/project-paths';
import { dropQueueKeys } from '../common/queue-keys';
import { createScratchDatabase } from '../common/scratch-database';
import { generateRecords } from '../gen/generator';
import { loadReferenceData } from '../gen/reference-data';
import { peakRssMb, startApi } from './api-process';
import { CpuMeter } from './cpu-accounting';
import { populationFor } from './import-dataset';
import { round } from './import-slices';
import { pacedResolve } from './paced-load';
import { type PreloadResult, preloadByImport } from './preload';
import { benchResolve, type LatencyRun } from './resolve-bench';
import { describeServerSettings, type ServerSettings, serverSettings } from './server-settings';

interface Options {
  seconds: number;
  connections: string;
  rates: string;
  persons: number;
  orgs: number;
  port: number;
  import: string;
  preload: number;
  pool: number;
}

/** A latency run with the CPU time per request of the API process and of PostgreSQL. */
type MeasuredRun = LatencyRun & { apiCpuMs: number; postgresCpuMs: number };

async function measured(apiPid: number, run: () => Promise<LatencyRun>): Promise<MeasuredRun> {
  const meter = new CpuMeter(() => [], apiPid);
  const result = await run();
  const cpu = meter.stop();
  const perRequest = (seconds: number) => round((seconds * 1000) / Math.max(result.requests, 1), 2);
  return {
    ...result,
    apiCpuMs: perRequest(cpu.apiSeconds),
    postgresCpuMs: perRequest(cpu.postgresSeconds),
  };
}

async function main(): Promise<void> {
  const options = new Command('bench:perf')
    .option('--seconds <n>', 'seconds per concurrency level', Number, 20)
    .option(
      '--connections <list>',
      'concurrency levels (closed loop: as fast as each client can)',
      '1,16,64',
    )
    .option(
      '--rates <list>',
      'offered loads in requests/s over 16 connections (open loop, paced), e.g. 100,200',
      '',
    )
    .option('--persons <n>', 'generated persons', Number, 60000)
    .option('--orgs <n>', 'generated organisations', Number, 10000)
    .option('--port <n>', 'API port', Number, 3917)
    .option(
      '--preload <n>',
      'first import this many records of the same population (two workers), then measure',
      Number,
      0,
    )
    .option(
      '--import <list>',
      'then import throughput at these record counts, e.g. 100000,1000000',
      '',
    )
    .option(
      '--pool <n>',
      "the API's connection pool (DB_POOL_SIZE; default the service's)",
      Number,
      defaultPoolSize(),
    )
    .parse()
    .opts<Options>();
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // Preloaded records come from the same population as the requests: requests meet customers
  // that exist already, as in a service in use. The population grows with the preload.
  const extra = options.preload > 0 ? populationFor(options.preload) : { persons: 0, orgs: 0 };
  // The requests are kept as JSON in buffers, outside the JavaScript heap, and serialised once:
  // this process shares the two cores with the API and PostgreSQL. Holding them as objects
  // (millions of them) made its full collections take most of a core: top showed it at 91 %
  // against 12-14 % in a second whose p99 was 418 ms.
  const bodies: Buffer[] = [];
  for (const generated of generateRecords(
    { persons: options.persons + extra.persons, orgs: options.orgs + extra.orgs, seed: 42 },
    loadReferenceData(datasetsDir()),
  )) {
    bodies.push(Buffer.from(JSON.stringify(generated.record)));
  }
  const scratch = await createScratchDatabase(databaseUrl, 'perf');
  const settings = await serverSettings(scratch.url);
  const work = mkdtempSync(join(tmpdir(), 'bench-perf-'));
  const env = {
    DB_POOL_SIZE: String(options.pool),
    QUEUE_PREFIX: `benchperf_${Date.now().toString(36)}`,
    IMPORT_STORAGE_DIR: join(work, 'storage'),
  };
  const api = await startApi(scratch.url, redisUrl, options.port, env);
  const runs: MeasuredRun[] = [];
  const apiPid = api.process.pid as number;
  try {
    const preload =
      options.preload > 0
        ? await preloadByImport(
            api,
            { ...env, DATABASE_URL: scratch.url, REDIS_URL: redisUrl },
            bodies.slice(0, options.preload),
            work,
          )
        : undefined;
    const offset = { next: options.preload };
    await benchResolve(api.url, api.key, bodies, 8, 5, offset); // warm-up: JIT, pool, caches
    for (const connections of options.connections.split(',').map(Number)) {
      runs.push(
        await measured(apiPid, () =>
          benchResolve(api.url, api.key, bodies, connections, options.seconds, offset),
        ),
      );
    }
    for (const rate of options.rates.split(',').filter(Boolean).map(Number)) {
      runs.push(
        await measured(apiPid, () =>
          pacedResolve(api.url, api.key, bodies, 16, rate, options.seconds, offset),
        ),
      );
    }
    const apiPeakMb = peakRssMb(apiPid);
    report(runs, bodies.length, offset.next, apiPeakMb, settings, preload, options.pool);
  } finally {
    await api.stop();
    await scratch.drop();
    await dropQueueKeys(redisUrl, env.QUEUE_PREFIX);
    rmSync(work, { recursive: true, force: true });
  }
  for (const records of options.import.split(',').filter(Boolean).map(Number)) {
    runImportBench(records);
  }
}

/** One import bench run in its own process (its API, workers and scratch database), printed as it goes. */
function runImportBench(records: number): void {
  const script = join(findProjectRoot(), 'dist', 'bench', 'perf', 'import-bench.js');
  const args = [script, '--records', String(records), '--embedded-records', '0'];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`import bench of ${records} records failed`);
}

function report(
  runs: MeasuredRun[],
  generated: number,
  used: number,
  apiPeakMb: number,
  settings: ServerSettings,
  preload: PreloadResult | undefined,
  pool: number,
): void {
  const lines = [
    `Resolve latency, server mode, ${describeMachine()}`,
    `records: generated Chinese multi-channel set (seed 42, ${generated} records; ${used - (preload?.records ?? 0)} sent, each request a new record)`,
    preload === undefined
      ? 'database: empty at the start'
      : `database: the first ${preload.records} records imported first (${preload.seconds} s; ${JSON.stringify(preload.outcome)})`,
    `server: ${describeServerSettings(settings)}; API pool ${pool}`,
    '',
    'clients | offered | requests | req/s  | p50 ms | p95 ms | p99 ms | non-2xx | CPU ms/req: API | PostgreSQL',
    '--------|---------|----------|--------|--------|--------|--------|---------|-----------------|-----------',
    ...runs.map((r) =>
      [
        String(r.connections).padStart(7),
        (r.offeredRate === null ? 'max' : `${r.offeredRate}/s`).padStart(7),
        String(r.requests).padStart(8),
        r.perSecond.toFixed(0).padStart(6),
        r.p50.toFixed(1).padStart(6),
        r.p95.toFixed(1).padStart(6),
        r.p99.toFixed(1).padStart(6),
        String(r.non2xx).padStart(7),
        r.apiCpuMs.toFixed(2).padStart(15),
        r.postgresCpuMs.toFixed(2).padStart(10),
      ].join(' | '),
    ),
    '',
    `API process peak RSS: ${apiPeakMb} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const dir = join(findProjectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'perf-resolve.json'),
    JSON.stringify(
      {
        runs,
        apiPeakMb,
        settings,
        preload,
        pool,
        machine: machineInfo(),
        at: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:perf failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
