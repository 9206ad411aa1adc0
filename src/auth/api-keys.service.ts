import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKeyEntity } from './api-key.entity';
import type { Role } from './roles';

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

export interface CreatedKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  key: string;
}

@Injectable()
export class ApiKeysService {
  // Authenticating every request against the database would add a query to each resolve.
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly config: AppConfig,
  ) {}

  async create(name: string, role: Role): Promise<CreatedKey> {
    const generated = generateApiKey();
    const entity = await this.repository.insert(name, role, generated.prefix, generated.hash);
    return { id: entity.id, name, role, prefix: generated.prefix, key: generated.key };
  }

  /** Creates the first admin key when there is no active key at all; undefined otherwise. */
  async createInitialAdminKey(): Promise<CreatedKey | undefined> {
    if ((await this.repository.countActive()) > 0) return undefined;
    return this.create('initial admin', 'admin');
  }

  async authenticate(key: string | undefined): Promise<Principal> {
    if (key === undefined || key === '') {
      throw new DomainError(
        'API_KEY_MISSING',
        'An API key is required (X-API-Key header or Authorization: Bearer).',
      );
    }
    if (!looksLikeApiKey(key)) throw invalidKey();
    const hash = hashApiKey(key);
    const cached = this.cache.get(hash);
    if (cached !== undefined && cached.until > Date.now()) return cached.principal;
    const entity = await this.repository.findActiveByHash(hash);
    if (entity === null) throw invalidKey();
    const principal = { keyId: entity.id, name: entity.name, role: entity.role };
    this.cache.set(hash, { principal, until: Date.now() + this.config.apiKeyCacheSeconds * 1000 });
    return principal;
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.repository.listAll();
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.repository.revoke(id))) {
      throw new DomainError('ROUTE_NOT_FOUND', 'No active API key with this id.');
    }
    this.cache.clear();
  }
}

function invalidKey(): DomainError {
  return new DomainError('API_KEY_INVALID', 'The API key is not valid or has been revoked.');
}
