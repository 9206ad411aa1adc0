import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { ImportErrorView, ImportView } from './dto/import-view';
import { ListImportErrorsDto, ListImportsDto } from './dto/list-imports.dto';
import { ImportStorage } from './import-storage';
import { receiveUpload } from './import-upload';
import { ImportsService } from './imports.service';

@ApiTags('Imports')
@ApiSecurity('api-key')
@Roles('steward')
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly storage: ImportStorage,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Upload a CSV or NDJSON file (streamed, any size) and resolve its rows in background jobs',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'source'],
      properties: {
        file: { type: 'string', format: 'binary' },
        source: { type: 'string', example: 'crm', description: 'Source system of every row' },
        format: {
          type: 'string',
          enum: ['csv', 'ndjson'],
          description: 'Default: from the file name (.csv, .ndjson, .jsonl) or its content type',
        },
        map: {
          type: 'array',
          items: { type: 'string', example: 'given_name=givenName' },
          description:
            'Repeatable header=field: a record field, address.<part>, attributes.<key>, or - to drop the column',
        },
      },
    },
  })
  @ApiAcceptedResponse({ description: 'The import, queued; follow it at GET /v1/imports/{id}' })
  async create(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportView> {
    const importId = randomUUID();
    const upload = await receiveUpload(request, this.storage, importId);
    const view = await this.imports.create(
      importId,
      upload.request,
      upload.bytes,
      `key:${principal.name}`,
    );
    response.location(`/v1/imports/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first (cursor pagination)' })
  list(
    @Query() query: ListImportsDto,
  ): Promise<{ items: ImportView[]; nextCursor: string | null }> {
    return this.imports.list(query.limit, query.after);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'State, row counters (read, processed, created, linked, review, rejected), rate and time left',
  })
  get(@Param('id') id: string): Promise<ImportView> {
    return this.imports.get(id);
  }

  @Get(':id/errors')
  @ApiOperation({
    summary:
      'Rejected rows: row and line number, field, code, message (JSON pages, or all of them as CSV)',
  })
  @ApiProduces('application/json', 'text/csv')
  async errors(
    @Param('id') id: string,
    @Query() query: ListImportErrorsDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const csv = query.format === 'csv' || (query.format === undefined && prefersCsv(request));
    if (!csv) {
      response.json(await this.imports.errors(id, query.limit, query.after));
      return;
    }
    await this.imports.get(id);
    response.status(200).type('text/csv; charset=utf-8').attachment(`import-${id}-errors.csv`);
    response.write('row,line,field,code,message\n');
    for await (const error of this.imports.allErrors(id)) {
      if (!response.write(csvLine(error))) await once(response, 'drain');
    }
    response.end();
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a queued or running import: chunks not yet started are skipped',
  })
  cancel(@Param('id') id: string): Promise<ImportView> {
    return this.imports.cancel(id);
  }
}

function prefersCsv(request: Request): boolean {
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function csvLine(error: ImportErrorView): string {
  return (
    [error.row, error.line, error.field ?? '', error.code, error.message].map(csvCell).join(',') +
    '\n'
  );
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
