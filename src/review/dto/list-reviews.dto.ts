import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
