/**
 * Every background job: its name, payload and queue. Payloads carry ids only, never personal
 * data (Redis keeps them in clear text). Handlers must be safe to run twice (at-least-once).
 */
export const QUEUE_NAMES = ['imports', 'matching', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /** Liveness of the job pipeline: proves a consumer is taking jobs (CLI `jobs ping`). */
  'maintenance.ping': { token: string };
  /** Recompute one customer's golden record from its source records. */
  'maintenance.recompute-golden': { customerId: string };
  /** Split an uploaded import file into chunks and enqueue them. */
  'imports.plan': { importId: string };
  /** Resolve the rows of one chunk of an import. */
  'imports.chunk': { importId: string; chunkIndex: number };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUES: { [N in JobName]: QueueName } = {
  'maintenance.ping': 'maintenance',
  'maintenance.recompute-golden': 'maintenance',
  'imports.plan': 'imports',
  'imports.chunk': 'imports',
};

export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id again while it exists is a no-op. */
  jobId?: string;
  /** Attempts before the job is kept as failed (default 5, exponential backoff). */
  attempts?: number;
  /**
   * Lower runs first (1 to 2^21, BullMQ's range); jobs without one run before every job with one,
   * and jobs of one priority in the order they were enqueued.
   */
  priority?: number;
}

export const DEFAULT_ATTEMPTS = 5;
export const BACKOFF_BASE_MS = 1000;
