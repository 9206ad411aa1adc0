import { Module } from '@nestjs/common';
import { ResolutionModule } from '../resolution/resolution.module';
import { ImportChunkProcessor } from './import-chunk-processor';
import { ImportChunksRepository } from './import-chunks.repository';
import { ImportLifecycle } from './import-lifecycle';
import { ImportPlanner } from './import-planner';
import { ImportStorage } from './import-storage';
import { ImportsController } from './imports.controller';
import { ImportsJobs } from './imports.jobs';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** Batch imports: upload, plan and chunk jobs, progress, errors, cancel. */
@Module({
  imports: [ResolutionModule],
  controllers: [ImportsController],
  providers: [
    ImportsRepository,
    ImportChunksRepository,
    ImportStorage,
    ImportLifecycle,
    ImportPlanner,
    ImportChunkProcessor,
    ImportsService,
    ImportsJobs,
  ],
  exports: [ImportsService],
})
export class ImportsModule {}
