import { Injectable } from '@nestjs/common';
import type { JobName, JobPayloads } from './job-definitions';

export interface JobContext {
  /** 1 on the first run; handlers are idempotent, this is for logging and tests. */
  attempt: number;
}

export type JobHandler<N extends JobName> = (
  data: JobPayloads[N],
  context: JobContext,
) => Promise<void>;

/**
 * Feature modules register the handler of each job they own at start; both queue adapters
 * dispatch through here, so a job runs the same code in a worker and in embedded mode.
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  async dispatch(name: string, data: unknown, context: JobContext): Promise<void> {
    const handler = this.handlers.get(name as JobName);
    if (handler === undefined) throw new Error(`No handler registered for job ${name}`);
    await handler(data as JobPayloads[JobName], context);
  }
}
