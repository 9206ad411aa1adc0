import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../common/project-paths';

const ROOT = findProjectRoot();

/** Peak resident memory (VmHWM) of a live process in MB; NaN once it has exited. */
export function peakRss(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

export interface RunningWorker {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Node options of a worker as docker-compose.yml and `npm run start:worker` start it. */
const WORKER_NODE_OPTIONS = ['--max-semi-space-size=32'];

/** A built worker process (`node dist/src/worker.js`), ready once it says so. */
export async function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  const child = spawn(
    process.execPath,
    [
      ...WORKER_NODE_OPTIONS,
      ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      join(ROOT, 'dist/src/worker.js'),
    ],
    {
      // Info level: readiness is its "Worker started" line.
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (out.includes('Worker started')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return {
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs `node dist/src/cli.js ...` to the end, sampling its peak memory while it runs. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; code: number | null; peakMb: number }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  let peakMb = 0;
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const timer = setInterval(() => {
    const now = peakRss(child.pid);
    if (!Number.isNaN(now)) peakMb = Math.max(peakMb, now);
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  return { stdout, code, peakMb };
}
