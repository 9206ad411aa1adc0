import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import type { Role } from './roles';

@Injectable()
export class ApiKeysRepository {
  private readonly keys: Repository<ApiKeyEntity>;

  constructor(dataSource: DataSource) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
  }

  async insert(name: string, role: Role, prefix: string, hash: string): Promise<ApiKeyEntity> {
    const entity = this.keys.create({
      id: randomUUID(),
      name,
      role,
      keyPrefix: prefix,
      keyHash: hash,
      revokedAt: null,
    });
    return this.keys.save(entity);
  }

  findActiveByHash(hash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ keyHash: hash, revokedAt: IsNull() });
  }

  countActive(): Promise<number> {
    return this.keys.countBy({ revokedAt: IsNull() });
  }

  listAll(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
