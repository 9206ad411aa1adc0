import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Roles } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import {
  type ApiKeyResponseDto,
  CreateApiKeyDto,
  type CreatedApiKeyResponseDto,
} from './dto/create-api-key.dto';

@ApiTags('API keys')
@ApiSecurity('api-key')
@Roles('admin')
@Controller('v1/keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    return this.apiKeys.create(body.name, body.role);
  }

  @Get()
  async list(): Promise<ApiKeyResponseDto[]> {
    const keys = await this.apiKeys.list();
    return keys.map((k) => ({
      id: k.id,
      name: k.name,
      role: k.role,
      prefix: k.keyPrefix,
      createdAt: k.createdAt.toISOString(),
      revokedAt: k.revokedAt?.toISOString() ?? null,
    }));
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.apiKeys.revoke(id);
  }
}
