import { loadConfig } from '../config/load-config';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobHandlers } from './job-handlers';

describe('InProcessJobQueue order', () => {
  it('runs jobs without a priority first, then by priority, ties in enqueue order', async () => {
    const handlers = new JobHandlers();
    const ran: number[] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    handlers.register('imports.chunk', async ({ chunkIndex }) => {
      ran.push(chunkIndex);
      if (chunkIndex === 0) await first;
    });
    const queue = new InProcessJobQueue(handlers, loadConfig({ WORKER_CONCURRENCY: '1' }));
    const chunk = (chunkIndex: number, priority?: number) =>
      queue.enqueue('imports.chunk', { importId: 'i', chunkIndex }, { priority });

    await chunk(0); // runs at once and holds the only slot while the others queue up
    await chunk(1, 5);
    await chunk(2, 2);
    await chunk(3);
    await chunk(4, 5);
    await chunk(5, 1);
    release();
    await queue.drain();
    expect(ran).toEqual([0, 3, 5, 2, 1, 4]);
  });
});
