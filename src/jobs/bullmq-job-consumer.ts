import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { QUEUE_NAMES } from './job-definitions';
import { JobHandlers } from './job-handlers';

/**
 * Server mode consumer (worker process only): one BullMQ Worker per queue. Closing waits for
 * the jobs in progress, so a graceful shutdown finishes them; a killed worker's jobs are
 * redelivered after their lock expires (at-least-once).
 */
@Injectable()
export class BullMqJobConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private connection?: IORedis;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = new IORedis(this.config.requireRedisUrl(), { maxRetriesPerRequest: null });
    for (const queue of QUEUE_NAMES) {
      const worker = new Worker(
        queue,
        (job: Job) => this.handlers.dispatch(job.name, job.data, { attempt: job.attemptsMade + 1 }),
        {
          connection: this.connection,
          prefix: this.config.queuePrefix,
          concurrency: this.config.workerConcurrency,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade },
          `Job attempt failed: ${error.message}`,
        ),
      );
      worker.on('error', (error) => this.logger.error(`Worker error: ${error.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.log(
      `Consuming queues ${QUEUE_NAMES.join(', ')} (concurrency ${this.config.workerConcurrency})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.connection?.quit();
  }
}
