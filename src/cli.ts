import 'reflect-metadata';
import { Command } from 'commander';
import { loadConfigOrExit } from './bootstrap/load-config-or-exit';
import { registerImportCommand } from './cli/import.command';
import { registerKeysCommands } from './cli/keys.command';
import { registerMigrateCommands } from './cli/migrate.command';
import type { AppConfig } from './config/app-config';

/** `npm run cli -- <command>`: keys, migrations, imports. Results on stdout, problems on stderr. */
async function main(): Promise<void> {
  let config: AppConfig | undefined;
  const lazyConfig = (): AppConfig => (config ??= loadConfigOrExit());
  const program = new Command('customer-mdm')
    .description('Customer master data service CLI')
    .showHelpAfterError();
  registerMigrateCommands(program, lazyConfig);
  registerKeysCommands(program, lazyConfig);
  registerImportCommand(program, lazyConfig);
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
