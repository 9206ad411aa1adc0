import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/api-keys.service';
import { ResolutionService } from '../resolution/resolution.service';
import { CustomersService } from './customers.service';

@ApiTags('Source records')
@ApiSecurity('api-key')
@Roles('system')
@Controller('v1/sources')
export class SourcesController {
  constructor(
    private readonly customers: CustomersService,
    private readonly resolution: ResolutionService,
  ) {}

  @Get(':source/:sourceId')
  @Roles('system', 'steward')
  @ApiOperation({ summary: 'The current customer of a source record (after any merge)' })
  get(@Param('source') source: string, @Param('sourceId') sourceId: string): Promise<unknown> {
    return this.customers.getSourceRecord(source, sourceId);
  }

  @Delete(':source/:sourceId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'The channel deleted its record: detach it and recompute the golden record',
  })
  delete(
    @Param('source') source: string,
    @Param('sourceId') sourceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.resolution.detach(source, sourceId, `key:${principal.name}`);
  }
}
