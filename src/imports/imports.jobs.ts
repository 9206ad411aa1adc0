import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobHandlers } from '../jobs/job-handlers';
import { JobQueue } from '../jobs/job-queue';
import { ImportChunkProcessor } from './import-chunk-processor';
import { planJobId } from './import-jobs';
import { ImportPlanner } from './import-planner';
import { ImportsRepository } from './imports.repository';

/**
 * Wires the import jobs to their handlers. Embedded mode keeps no queue across restarts, so at
 * start every unfinished import is planned again: planning is idempotent and re-enqueues the
 * chunks still pending. (BullMQ keeps its jobs in Redis in server mode.)
 */
@Injectable()
export class ImportsJobs implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly handlers: JobHandlers,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly repository: ImportsRepository,
    private readonly planner: ImportPlanner,
    private readonly chunks: ImportChunkProcessor,
  ) {}

  onModuleInit(): void {
    this.handlers.register('imports.plan', ({ importId }) => this.planner.plan(importId));
    this.handlers.register('imports.chunk', ({ importId, chunkIndex }, { attempt }) =>
      this.chunks.process(importId, chunkIndex, attempt),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.isEmbedded) return;
    const unfinished = await this.repository.unfinishedIds();
    for (const importId of unfinished) {
      await this.jobs.enqueue('imports.plan', { importId }, { jobId: planJobId(importId) });
    }
    if (unfinished.length > 0)
      this.logger.log(`Resuming ${unfinished.length} unfinished import(s)`);
  }
}
