import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import type { CustomerSummary, CustomerView } from './customer-view';
import { CustomersService } from './customers.service';
import { SearchCustomersDto } from './dto/search-customers.dto';

@ApiTags('Customers')
@ApiSecurity('api-key')
@Roles('system', 'steward')
@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOperation({
    summary: 'Search customers by normalised name, phone, e-mail or id number (cursor pagination)',
  })
  search(
    @Query() query: SearchCustomersDto,
  ): Promise<{ items: CustomerSummary[]; nextCursor: string | null }> {
    return this.customers.search(query);
  }

  @Get(':customerNumber')
  @ApiOperation({
    summary:
      'The golden record with lineage, status and source records; a merged number answers with its survivor',
  })
  get(@Param('customerNumber') customerNumber: string): Promise<CustomerView> {
    return this.customers.getCustomer(customerNumber);
  }
}
