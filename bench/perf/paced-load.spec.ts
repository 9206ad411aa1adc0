import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomerRecordInput } from '../../src/normalize/customer-record';
import { pacedResolve } from './paced-load';

describe('pacedResolve (open-loop load)', () => {
  let server: Server;
  let url: string;
  const seen: { key: string | undefined; body: string }[] = [];
  let open = 0;
  let mostOpen = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ key: req.headers['x-api-key'] as string | undefined, body });
        const status = seen.length % 3 === 0 ? 500 : 200;
        open++;
        mostOpen = Math.max(mostOpen, open);
        // Every third request fails; all take 30 ms, so requests overlap at 100/s.
        setTimeout(() => {
          open--;
          res.statusCode = status;
          res.end('{}');
        }, 30);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends rate × seconds requests on schedule, each a next record, and counts failures', async () => {
    const records: CustomerRecordInput[] = [1, 2, 3].map((i) => ({
      source: 's',
      sourceId: String(i),
      kind: 'person',
    }));
    const bodies = records.map((record) => Buffer.from(JSON.stringify(record)));
    const offset = { next: 0 };
    const run = await pacedResolve(url, 'k', bodies, 4, 100, 0.5, offset);
    expect(run.requests).toBe(50);
    expect(seen).toHaveLength(50);
    expect(offset.next).toBe(50);
    expect(seen.every((s) => s.key === 'k')).toBe(true);
    expect(JSON.parse(seen[4].body)).toEqual(records[1]);
    expect(run.non2xx).toBe(16);
    expect(mostOpen).toBeLessThanOrEqual(4);
    expect(run.p50).toBeGreaterThanOrEqual(30);
    expect(run.offeredRate).toBe(100);
  });
});
