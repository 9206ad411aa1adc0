import { Agent, request } from 'node:http';
import type { CustomerRecordInput } from '../../src/normalize/customer-record';
import { percentiles } from './latency-percentiles';
import type { LatencyRun } from './resolve-bench';

/**
 * Open-loop load: requests start on a fixed schedule (`rate` per second) over at most
 * `connections` keep-alive connections, whatever the answers do. Each latency is measured from the
 * request's scheduled start, so time spent waiting for a free connection counts (no coordinated
 * omission). autocannon's overallRate sends in bursts each second, which measures the bursts.
 */
export async function pacedResolve(
  url: string,
  key: string,
  records: readonly CustomerRecordInput[],
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
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const body = JSON.stringify(records[offset.next++ % records.length]);
    pending.push(
      send(agent, target, key, body).then((status) => {
        latencies.push(performance.now() - scheduled);
        if (status < 200 || status >= 300) non2xx++;
      }),
    );
  }
  await Promise.all(pending);
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

function send(agent: Agent, target: URL, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
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
