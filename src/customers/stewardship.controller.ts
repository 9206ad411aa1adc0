import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { CustomerHistoryService, type HistoryPage } from './customer-history.service';
import { CustomerSplitter, type SplitOutcome } from './customer-splitter';
import type { CustomerView } from './customer-view';
import {
  HistoryQueryDto,
  MergeCustomersDto,
  PinAttributeDto,
  SplitCustomerDto,
  UnpinAttributeDto,
} from './dto/stewardship-requests.dto';
import { type MergeOutcome, StewardshipService } from './stewardship.service';

/** Golden attribute names, and names of steward-maintained attributes (tier, segment, ...). */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

@ApiTags('Stewardship')
@ApiSecurity('api-key')
@Roles('steward')
@Controller('v1/customers')
export class StewardshipController {
  constructor(
    private readonly stewardship: StewardshipService,
    private readonly splitter: CustomerSplitter,
    private readonly histories: CustomerHistoryService,
  ) {}

  @Post(':customerNumber/merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge another customer into this one; the older number survives, the other redirects to it',
  })
  merge(
    @Param('customerNumber') customerNumber: string,
    @Body() body: MergeCustomersDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MergeOutcome> {
    return this.stewardship.merge(customerNumber, body.other, body.reason, actorOf(principal));
  }

  @Post(':customerNumber/split')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move source records off to their previous customer number, or to a new one',
  })
  split(
    @Param('customerNumber') customerNumber: string,
    @Body() body: SplitCustomerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SplitOutcome> {
    return this.splitter.split(customerNumber, body.sourceRecords, body.reason, actorOf(principal));
  }

  @Put(':customerNumber/attributes/:name')
  @ApiOperation({ summary: 'Pin a golden value: survivorship keeps it until unpinned' })
  pin(
    @Param('customerNumber') customerNumber: string,
    @Param('name') name: string,
    @Body() body: PinAttributeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerView> {
    return this.stewardship.pin(
      customerNumber,
      attributeName(name),
      body.value,
      body.reason,
      actorOf(principal),
    );
  }

  @Delete(':customerNumber/attributes/:name')
  @ApiOperation({
    summary: 'Unpin a golden value: survivorship chooses it from the source records again',
  })
  unpin(
    @Param('customerNumber') customerNumber: string,
    @Param('name') name: string,
    @Body() body: UnpinAttributeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerView> {
    return this.stewardship.unpin(
      customerNumber,
      attributeName(name),
      body.reason,
      actorOf(principal),
    );
  }

  @Get(':customerNumber/history')
  @ApiOperation({
    summary:
      'Every link, detach, merge, split, review decision and pin, newest first (cursor pagination)',
  })
  history(
    @Param('customerNumber') customerNumber: string,
    @Query() query: HistoryQueryDto,
  ): Promise<HistoryPage> {
    return this.histories.history(customerNumber, query.cursor, query.limit);
  }
}

function actorOf(principal: Principal): string {
  return `key:${principal.name}`;
}

function attributeName(name: string): string {
  if (!ATTRIBUTE_NAME.test(name)) {
    throw new DomainError('VALIDATION_FAILED', 'The attribute name is not valid.', [
      {
        field: 'name',
        code: 'INVALID_ATTRIBUTE_NAME',
        message: 'attribute names are 1-40 letters, digits or _',
      },
    ]);
  }
  return name;
}
