import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  BACKOFF_BASE_MS,
  DEFAULT_ATTEMPTS,
  type EnqueueOptions,
  JOB_QUEUES,
  type JobName,
  type JobPayloads,
  type QueueName,
} from './job-definitions';
import { JobQueue } from './job-queue';

/** Server mode producer: routes each job to its queue with the shared retry policy. */
@Injectable()
export class BullMqJobQueue extends JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @Inject(getQueueToken('imports')) imports: Queue,
    @Inject(getQueueToken('matching')) matching: Queue,
    @Inject(getQueueToken('maintenance')) maintenance: Queue,
  ) {
    super();
    this.queues = { imports, matching, maintenance };
  }

  async enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    await this.queues[JOB_QUEUES[name]].add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      priority: options.priority,
      backoff: { type: 'exponential', delay: BACKOFF_BASE_MS },
      // Completed jobs go after a day; failed ones stay for inspection.
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: false,
    });
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
