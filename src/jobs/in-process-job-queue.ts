import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import {
  BACKOFF_BASE_MS,
  DEFAULT_ATTEMPTS,
  type EnqueueOptions,
  type JobName,
  type JobPayloads,
} from './job-definitions';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';

interface PendingJob {
  id: string;
  name: JobName;
  data: unknown;
  attempts: number;
  attempt: number;
  /** 0 for none: before every prioritised job, as in BullMQ. */
  priority: number;
  /** Enqueue order, which breaks ties between jobs of one priority. */
  order: number;
}

export interface FailedJob {
  id: string;
  name: JobName;
  attempts: number;
  error: string;
}

/**
 * Embedded mode: jobs run in this process with the same retry policy as BullMQ. Nothing is
 * persisted here; features whose jobs must survive a restart (imports) re-enqueue from the database.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly waiting: PendingJob[] = [];
  private readonly known = new Set<string>();
  private readonly failed: FailedJob[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sequence = 0;
  /** Enqueue order of the waiting jobs (ties between jobs of one priority). */
  private enqueued = 0;
  private closing = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly config: AppConfig,
  ) {
    super();
  }

  enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    if (this.closing) return Promise.reject(new Error('The job queue is shutting down'));
    const id = options.jobId ?? `${name}:${++this.sequence}`;
    if (this.known.has(id)) return Promise.resolve();
    this.known.add(id);
    this.wait({
      id,
      name,
      data,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      attempt: 1,
      priority: options.priority ?? 0,
      order: this.enqueued++,
    });
    this.pump();
    return Promise.resolve();
  }

  failedJobs(): readonly FailedJob[] {
    return this.failed;
  }

  /** Resolves when nothing is waiting, running or scheduled for retry. */
  async drain(): Promise<void> {
    while (this.waiting.length > 0 || this.running.size > 0 || this.timers.size > 0) {
      await Promise.race([...this.running, new Promise((r) => setTimeout(r, 10))]);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Queues the job behind those of lower priority, or of its own enqueued earlier. */
  private wait(job: PendingJob): void {
    let low = 0;
    let high = this.waiting.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.waiting[mid];
      if (
        other.priority < job.priority ||
        (other.priority === job.priority && other.order < job.order)
      ) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    this.waiting.splice(low, 0, job);
  }

  private pump(): void {
    while (
      !this.closing &&
      this.running.size < this.config.workerConcurrency &&
      this.waiting.length > 0
    ) {
      const job = this.waiting.shift() as PendingJob;
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: PendingJob): Promise<void> {
    try {
      await this.handlers.dispatch(job.name, job.data, { attempt: job.attempt });
      this.known.delete(job.id);
    } catch (error) {
      this.retryOrFail(job, error);
    }
  }

  private retryOrFail(job: PendingJob, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (job.attempt >= job.attempts || this.closing) {
      this.known.delete(job.id);
      this.failed.push({ id: job.id, name: job.name, attempts: job.attempt, error: message });
      this.logger.error(
        { jobId: job.id, job: job.name, attempts: job.attempt },
        `Job failed: ${message}`,
      );
      return;
    }
    const delay = BACKOFF_BASE_MS * 2 ** (job.attempt - 1);
    this.logger.warn(
      { jobId: job.id, job: job.name, attempt: job.attempt },
      `Job attempt failed, retrying in ${delay} ms`,
    );
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.wait({ ...job, attempt: job.attempt + 1 });
      this.pump();
    }, delay);
    this.timers.add(timer);
  }
}
