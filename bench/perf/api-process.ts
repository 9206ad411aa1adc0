import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot } from '../common/project-paths';

const PROJECT_ROOT = findProjectRoot();

export interface RunningApi {
  url: string;
  key: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built API (dist/) in server mode against `databaseUrl` and makes a system key. */
export async function startApi(
  databaseUrl: string,
  redisUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<RunningApi> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const output = execFileSync(
    'node',
    [join(PROJECT_ROOT, 'dist/src/cli.js'), 'keys', 'create', '--name', 'bench', '--role', 'admin'],
    { env, encoding: 'utf8' },
  );
  const key = output.trim().split('\n').pop() as string;
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn('node', [...nodeArgs, join(PROJECT_ROOT, 'dist/src/main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    key,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Peak resident memory of a process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  try {
    const status = execFileSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' });
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}
