import { Global, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { createDataSource, poolSizeFor } from './data-source.factory';
import { EmbeddedPostgres } from './embedded-postgres';
import { warmPool } from './pool-warmer';
import { runMigrations } from './run-migrations';
import { StatisticsKeeper } from './statistics-keeper';

/** Holds what the data source runs on, so shutdown can close both in the right order. */
export class DatabaseHandle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    readonly dataSource: DataSource,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.embedded !== undefined) {
      await this.embedded.stop();
      this.logger.log('Embedded database closed');
    }
  }
}

async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  const logger = new Logger('Database');
  const embedded = config.isEmbedded ? await EmbeddedPostgres.start(config.dataDir) : undefined;
  const url = embedded?.url ?? config.requireDatabaseUrl();
  const dataSource = createDataSource(url, poolSizeFor(config));
  try {
    await dataSource.initialize();
    if (embedded !== undefined) {
      // Embedded mode migrates itself at start; server mode runs `npm run migrate` once per deploy.
      const applied = await runMigrations(dataSource);
      if (applied.length > 0) logger.log(`Applied ${applied.length} migration(s)`);
    } else {
      await warmPool(dataSource, poolSizeFor(config));
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  logger.log(
    config.isEmbedded
      ? `Embedded PostgreSQL (PGlite) in ${config.dataDir}`
      : 'Connected to PostgreSQL',
  );
  return new DatabaseHandle(dataSource, embedded);
}

@Global()
@Module({
  providers: [
    { provide: DatabaseHandle, inject: [AppConfig], useFactory: openDatabase },
    {
      provide: DataSource,
      inject: [DatabaseHandle],
      useFactory: (handle: DatabaseHandle) => handle.dataSource,
    },
    {
      provide: StatisticsKeeper,
      inject: [DataSource, AppConfig],
      useFactory: (dataSource: DataSource, config: AppConfig) =>
        new StatisticsKeeper(dataSource, config.statisticsIntervalSeconds, config.isEmbedded),
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule {}
