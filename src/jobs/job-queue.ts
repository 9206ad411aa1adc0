import type { EnqueueOptions, JobName, JobPayloads } from './job-definitions';

/** The one way to start background work; BullMQ in server mode, in-process in embedded mode. */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
}
