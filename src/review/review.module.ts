import { Module } from '@nestjs/common';
import { StewardshipModule } from '../customers/stewardship.module';
import { ResolutionModule } from '../resolution/resolution.module';
import { ReviewDecisionService } from './review-decision.service';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

/** The steward's review queue: possible duplicates the engine was unsure about. */
@Module({
  imports: [ResolutionModule, StewardshipModule],
  controllers: [ReviewController],
  providers: [ReviewRepository, ReviewService, ReviewDecisionService],
})
export class ReviewModule {}
