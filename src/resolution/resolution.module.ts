import { Module } from '@nestjs/common';
import { CustomerWriter } from '../customers/customer-writer';
import { CustomersController } from '../customers/customers.controller';
import { CustomersQueryRepository } from '../customers/customers-query.repository';
import { CustomersRepository } from '../customers/customers.repository';
import { CustomersService } from '../customers/customers.service';
import { SourcesController } from '../customers/sources.controller';
import { CandidateScorer } from './candidate-scorer';
import { GenericKeyMemory } from './generic-key-memory';
import { matchConfigProvider } from './match-config.provider';
import { ResolutionController } from './resolution.controller';
import { RecordPlacementRepository } from './record-placement.repository';
import { ResolutionRepository } from './resolution.repository';
import { ResolutionService } from './resolution.service';

/**
 * Resolution and the customer records it maintains. One module: resolving writes customers, and
 * customer reads and deletes share its repositories (no forwardRef between two halves).
 */
@Module({
  controllers: [ResolutionController, CustomersController, SourcesController],
  providers: [
    matchConfigProvider,
    ResolutionRepository,
    RecordPlacementRepository,
    CandidateScorer,
    GenericKeyMemory,
    ResolutionService,
    CustomersRepository,
    CustomersQueryRepository,
    CustomersService,
    CustomerWriter,
  ],
  exports: [
    ResolutionService,
    CustomersService,
    CustomerWriter,
    CustomersRepository,
    CustomersQueryRepository,
    ResolutionRepository,
    matchConfigProvider,
  ],
})
export class ResolutionModule {}
