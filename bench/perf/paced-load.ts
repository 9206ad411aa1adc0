import { Agent, request } from 'node:http';
import { percentiles } from './latency-percentiles';
import type { LatencyRun } from './resolve-bench';

/**
 * Open-loop load: requests start on a fixed schedule (`rate` per second) over at most
 * `connections` keep-alive connections, whatever the answers do. Each latency is measured from the
 * request's scheduled start, so time spent waiting for a free connection counts (no coordinated
 * omission). autocannon's overallRate sends in bursts each second, which measures the bursts.
 * `bodies` are the requests' JSON, serialised beforehand into buffers (see run-perf).
 */
export async function pacedResolve(
  url: string,
  key: string,
  bodies: readonly Buffer[],
  connections: number,
  rate: number,
  seconds: number,
  offset: { next: number },
): Promise<LatencyRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL('/v1/resolve', url);
  const latencies: number[] = [];
  let non2xx = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  // Only the requests still open are held, not every request's promise until the end: this
  // process's garbage should die young (see run-perf on sharing the cores).
  const open = new Set<Promise<void>>();
  let failure: Error | undefined;
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const body = bodies[offset.next++ % bodies.length];
    const request = send(agent, target, key, body).then(
      (status) => {
        latencies.push(performance.now() - scheduled);
        if (status < 200 || status >= 300) non2xx++;
      },
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
    open.add(request);
    void request.then(() => open.delete(request));
  }
  await Promise.all(open);
  if (failure !== undefined) throw failure;
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    connections,
    offeredRate: rate,
    seconds: elapsed,
    requests: total,
    non2xx,
    perSecond: total / elapsed,
    ...percentiles(latencies),
  };
}

function send(agent: Agent, target: URL, key: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'x-api-key': key,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
