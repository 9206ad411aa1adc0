import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ALL_MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

/** The TypeORM data source for a URL; `synchronize` is never on: migrations own the schema. */
export function createDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // Idle connections are kept (pg closes them after 10 s by default): a new backend's first
    // resolve costs milliseconds of warm-up (see pool-warmer), paid again after every lull.
    extra: { max: poolSize, idleTimeoutMillis: 0, application_name: 'customer-mdm' },
  });
}

export function poolSizeFor(config: AppConfig): number {
  // PGlite serves one connection; a larger pool would interleave transactions.
  return config.isEmbedded ? 1 : config.dbPoolSize;
}
