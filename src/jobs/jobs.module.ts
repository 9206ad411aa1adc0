import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { BullMqJobConsumer } from './bullmq-job-consumer';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { QUEUE_NAMES } from './job-definitions';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';

export interface JobsModuleOptions {
  /** Server mode only: whether this process takes jobs (the worker) or only enqueues (the API). */
  consume: boolean;
}

@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig, options: JobsModuleOptions): DynamicModule {
    if (config.isEmbedded) {
      return {
        module: JobsModule,
        providers: [
          JobHandlers,
          InProcessJobQueue,
          { provide: JobQueue, useExisting: InProcessJobQueue },
        ],
        exports: [JobHandlers, JobQueue, InProcessJobQueue],
      };
    }
    return {
      module: JobsModule,
      imports: [
        BullModule.forRoot({ connection: { url: config.redisUrl }, prefix: config.queuePrefix }),
        BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
      ],
      providers: [
        JobHandlers,
        BullMqJobQueue,
        { provide: JobQueue, useExisting: BullMqJobQueue },
        ...(options.consume ? [BullMqJobConsumer] : []),
      ],
      exports: [JobHandlers, JobQueue, BullMqJobQueue],
    };
  }
}
