import { Module } from '@nestjs/common';
import { ResolutionModule } from '../resolution/resolution.module';
import { CustomerHistoryRepository } from './customer-history.repository';
import { CustomerHistoryService } from './customer-history.service';
import { CustomerSplitter } from './customer-splitter';
import { StewardshipLocks } from './stewardship-locks';
import { StewardshipController } from './stewardship.controller';
import { StewardshipRepository } from './stewardship.repository';
import { StewardshipService } from './stewardship.service';

/** The steward's changes to customers: merge, split, pins, and the history that explains them. */
@Module({
  imports: [ResolutionModule],
  controllers: [StewardshipController],
  providers: [
    StewardshipRepository,
    StewardshipLocks,
    StewardshipService,
    CustomerSplitter,
    CustomerHistoryRepository,
    CustomerHistoryService,
  ],
  exports: [StewardshipRepository, StewardshipLocks, StewardshipService],
})
export class StewardshipModule {}
