import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { JobHandlers } from '../src/jobs/job-handlers';
import { JobQueue } from '../src/jobs/job-queue';
import { isServerMode, testConfig } from './helpers/test-config';

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Embedded: the in-process adapter. Server mode: real BullMQ on real Redis, with a worker context. */
describe(`job queue (${isServerMode() ? 'BullMQ' : 'in-process'})`, () => {
  let producer: INestApplicationContext;
  let consumer: INestApplicationContext;

  beforeAll(async () => {
    const config = testConfig();
    producer = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'api'), {
      logger: false,
    });
    consumer = isServerMode()
      ? await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), {
          logger: false,
        })
      : producer;
    await producer.init();
    await consumer.init();
  });

  afterAll(async () => {
    if (consumer !== producer) await consumer.close();
    await producer.close();
  });

  it('processes an enqueued job', async () => {
    const seen: string[] = [];
    consumer.get(JobHandlers).register('maintenance.ping', ({ token }) => {
      seen.push(token);
      return Promise.resolve();
    });
    const token = randomUUID();
    await producer.get(JobQueue).enqueue('maintenance.ping', { token });
    await waitFor(() => seen.includes(token));
  });

  it('retries a job after a failure and then succeeds', async () => {
    const attempts: number[] = [];
    consumer.get(JobHandlers).register('maintenance.ping', (_data, { attempt }) => {
      attempts.push(attempt);
      return attempt === 1 ? Promise.reject(new Error('transient failure')) : Promise.resolve();
    });
    await producer.get(JobQueue).enqueue('maintenance.ping', { token: randomUUID() });
    await waitFor(() => attempts.length >= 2);
    expect(attempts.slice(0, 2)).toEqual([1, 2]);
  });

  it('de-duplicates jobs enqueued twice with the same id', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    consumer.get(JobHandlers).register('maintenance.ping', async () => {
      runs++;
      await gate;
    });
    const jobId = `dedupe-${randomUUID()}`;
    await producer.get(JobQueue).enqueue('maintenance.ping', { token: 'a' }, { jobId });
    await producer.get(JobQueue).enqueue('maintenance.ping', { token: 'a' }, { jobId });
    await waitFor(() => runs === 1);
    release();
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(1);
  });
});
