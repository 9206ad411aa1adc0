import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { NdjsonWriter } from '../gen/ndjson-writer';
import type { RunningApi } from './api-process';
import { runImport } from './import-run';
import { startWorker } from './import-processes';

export interface PreloadResult {
  records: number;
  seconds: number;
  outcome: Record<string, number | null>;
}

/**
 * Fills the database behind `api` with the records in `bodies` (their JSON) through an import run
 * by two workers, so that resolve latency is measured against a database of some size rather than
 * an empty one. (An
 * empty database grows by 10% every few seconds under load, so its statistics are refreshed
 * again and again, and every resolve finds few candidates: neither is what a service in use
 * sees.) `env` must be the API's environment: the workers share its queue and import storage.
 */
export async function preloadByImport(
  api: RunningApi,
  env: Record<string, string>,
  bodies: readonly Buffer[],
  work: string,
): Promise<PreloadResult> {
  const file = join(work, 'preload.ndjson');
  const writer = new NdjsonWriter(createWriteStream(file));
  for (const body of bodies) await writer.write(body.toString());
  await writer.close();
  const workers = await Promise.all([startWorker(env), startWorker(env)]);
  try {
    const { last, samples } = await runImport(api.url, api.key, file, (state) =>
      process.stderr.write(`\r  preload: ${state.rows.processed}/${bodies.length} rows   `),
    );
    process.stderr.write('\n');
    if (last.state !== 'completed') {
      throw new Error(`preload import ${last.state}: ${JSON.stringify(last.failure)}`);
    }
    return {
      records: bodies.length,
      seconds: Math.round(samples[samples.length - 1].t),
      outcome: last.rows,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
