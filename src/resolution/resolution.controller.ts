import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/api-keys.service';
import { ResolveRequestDto, toRecordInput } from './dto/resolve-request.dto';
import type { MatchCandidate, ResolveResult } from './resolve-result';
import { ResolutionService } from './resolution.service';

@ApiTags('Resolution')
@ApiSecurity('api-key')
@Roles('system')
@Controller('v1')
export class ResolutionController {
  constructor(private readonly resolution: ResolutionService) {}

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Resolve a source record to a customer number (finds or mints); idempotent per (source, sourceId)',
  })
  resolve(
    @Body() body: ResolveRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResolveResult> {
    return this.resolution.resolve(toRecordInput(body), `key:${principal.name}`);
  }

  @Post('match')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ranked candidate customers with per-field explanations; writes nothing',
  })
  async match(@Body() body: ResolveRequestDto): Promise<{ candidates: MatchCandidate[] }> {
    return { candidates: await this.resolution.match(toRecordInput(body)) };
  }
}
