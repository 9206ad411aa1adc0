import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ListReviewsDto } from './dto/list-reviews.dto';
import { ReviewDecisionDto } from './dto/review-decision.dto';
import { ReviewDecisionService } from './review-decision.service';
import type { DecisionOutcome, ReviewDetail, ReviewPage } from './review-view';
import { ReviewService } from './review.service';

@ApiTags('Reviews')
@ApiSecurity('api-key')
@Roles('steward')
@Controller('v1/reviews')
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly decisions: ReviewDecisionService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The review queue: both sides summarised, the score, counts; cursor pagination',
  })
  list(@Query() query: ListReviewsDto): Promise<ReviewPage> {
    return this.reviews.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Both sides in full and the per-field explanation (level, weight, masked values)',
  })
  get(@Param('id') id: string): Promise<ReviewDetail> {
    return this.reviews.detail(id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'merge | link | not-duplicate | defer, in one transaction; 409 when already decided',
  })
  decide(
    @Param('id') id: string,
    @Body() body: ReviewDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DecisionOutcome> {
    return this.decisions.decide(id, body.decision, body.comment, `key:${principal.name}`);
  }
}
