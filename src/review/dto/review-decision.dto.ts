import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ReviewDecision } from '../review-item.entity';

const DECISIONS: ReviewDecision[] = ['merge', 'link', 'not-duplicate', 'defer'];

export class ReviewDecisionDto {
  @ApiProperty({
    enum: DECISIONS,
    description:
      'merge: the two customers are one; link: the record belongs to the candidate (record_match only); ' +
      'not-duplicate: remembered by later matching; defer: stays open, after the untouched items',
  })
  @IsIn(DECISIONS)
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'Why (kept with the decision and in history)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
