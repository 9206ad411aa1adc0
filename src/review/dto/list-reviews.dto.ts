import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageCursor, PageLimit } from '../../common/page-query';
import type { ReviewKind, ReviewStatus } from '../review-item.entity';
import type { ReviewSort } from '../review.repository';

const STATUSES: ReviewStatus[] = ['open', 'decided', 'superseded'];
const KINDS: ReviewKind[] = ['record_match', 'customer_merge'];
const SORTS: ReviewSort[] = ['score', 'age'];

export class ListReviewsDto {
  @ApiPropertyOptional({ enum: STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(STATUSES)
  status: ReviewStatus = 'open';

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: ReviewKind;

  @ApiPropertyOptional({
    enum: SORTS,
    default: 'score',
    description: 'score: highest first; age: oldest first. Deferred items come after the others.',
  })
  @IsOptional()
  @IsIn(SORTS)
  sort: ReviewSort = 'score';

  @PageCursor()
  cursor?: string;

  @PageLimit(20, 100)
  limit = 20;
}
