/**
 * Resolve latency and throughput against a running server-mode API: autocannon at 1, 16 and 64
 * concurrent clients, each request a different generated record (so the mix of created / linked /
 * unchanged is realistic). Latency percentiles are computed from every response's own time.
 */
import autocannon from 'autocannon';
import { percentiles } from './latency-percentiles';

export interface LatencyRun {
  connections: number;
  /** Offered load (requests/s over all connections); null = each client sends as fast as it can. */
  offeredRate: number | null;
  seconds: number;
  requests: number;
  non2xx: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function benchResolve(
  url: string,
  key: string,
  bodies: readonly Buffer[],
  connections: number,
  seconds: number,
  offset: { next: number },
): Promise<LatencyRun> {
  const latencies: number[] = [];
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/resolve',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        setupRequest: (request) => ({
          ...request,
          body: bodies[offset.next++ % bodies.length],
        }),
      },
    ],
  };
  const instance = autocannon(options, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  return {
    connections,
    offeredRate: null,
    seconds,
    requests: result.requests.total,
    non2xx: result.non2xx,
    perSecond: result.requests.total / seconds,
    ...percentiles(latencies),
  };
}
