import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageCursor, PageLimit } from '../../common/page-query';

export class ListImportsDto {
  @PageCursor()
  after?: string;

  @PageLimit(20, 100)
  limit = 20;
}

export class ListImportErrorsDto {
  @PageCursor('nextCursor of the previous page (JSON only)')
  after?: string;

  @PageLimit(100, 1000)
  limit = 100;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'csv downloads every error at once (so does Accept: text/csv)',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
