import type { Command } from 'commander';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source.factory';
import { EmbeddedPostgres } from '../database/embedded-postgres';
import { revertLastMigration, runMigrations } from '../database/run-migrations';

export function registerMigrateCommands(program: Command, config: () => AppConfig): void {
  program
    .command('migrate')
    .description('Apply pending migrations to DATABASE_URL (or the embedded data folder)')
    .option('--down', 'revert the last applied migration instead')
    .action(async (options: { down?: boolean }) => {
      await withDataSource(config(), async (dataSource) => {
        if (options.down === true) {
          await revertLastMigration(dataSource);
          process.stdout.write('Reverted the last migration\n');
          return;
        }
        const applied = await runMigrations(dataSource);
        process.stdout.write(
          applied.length === 0
            ? 'Schema is up to date\n'
            : `Applied ${applied.map((m) => m.name).join(', ')}\n`,
        );
      });
    });
}

async function withDataSource(
  config: AppConfig,
  work: (ds: ReturnType<typeof createDataSource>) => Promise<void>,
): Promise<void> {
  const embedded = config.isEmbedded ? await EmbeddedPostgres.start(config.dataDir) : undefined;
  const dataSource = createDataSource(embedded?.url ?? config.requireDatabaseUrl(), 1);
  try {
    await dataSource.initialize();
    await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}
