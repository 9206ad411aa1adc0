import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../auth/auth.decorators';
import { type ChangeEventView, ChangeEventsService } from './change-events.service';

export class ListEventsDto {
  @ApiPropertyOptional({
    description: 'nextCursor of the previous page; omit to start at the beginning',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}

@ApiTags('Change feed')
@ApiSecurity('api-key')
@Roles('system', 'steward')
@Controller('v1/events')
export class ChangeEventsController {
  constructor(private readonly events: ChangeEventsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Changes in commit order from a cursor: created, updated, merged, split, linked, detached',
  })
  list(
    @Query() query: ListEventsDto,
  ): Promise<{ events: ChangeEventView[]; nextCursor: string | null }> {
    return this.events.list(query.after, query.limit);
  }
}
