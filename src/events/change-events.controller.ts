import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { PageCursor, PageLimit } from '../common/page-query';
import { Roles } from '../auth/auth.decorators';
import { type ChangeEventView, ChangeEventsService } from './change-events.service';

export class ListEventsDto {
  @PageCursor('nextCursor of the previous page; omit to start at the beginning')
  after?: string;

  @PageLimit(100, 1000)
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
