import type { Command } from 'commander';
import { ApiKeysCoreModule } from '../auth/auth.module';
import { ApiKeysService } from '../auth/api-keys.service';
import { ROLES, type Role } from '../auth/roles';
import type { AppConfig } from '../config/app-config';
import { withCliContext } from './cli-context';

export function registerKeysCommands(program: Command, config: () => AppConfig): void {
  const keys = program.command('keys').description('Manage API keys');

  keys
    .command('create')
    .description('Create an API key; the key is printed alone on the last line')
    .requiredOption('--name <name>', 'who or what uses the key')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (options: { name: string; role: string }) => {
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      }
      const created = await withCliContext(config(), [ApiKeysCoreModule], (ctx) =>
        ctx.get(ApiKeysService).create(options.name.slice(0, 100), options.role as Role),
      );
      process.stdout.write(
        `Created ${created.role} key "${created.name}" (id ${created.id}). It is shown only once:\n`,
      );
      process.stdout.write(`${created.key}\n`);
    });

  keys
    .command('list')
    .description('List API keys (never the keys themselves)')
    .action(async () => {
      const all = await withCliContext(config(), [ApiKeysCoreModule], (ctx) =>
        ctx.get(ApiKeysService).list(),
      );
      for (const key of all) {
        const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt.toISOString()}`;
        process.stdout.write(
          `${key.id}  ${key.keyPrefix}…  ${key.role.padEnd(7)}  ${state}  ${key.name}\n`,
        );
      }
    });

  keys
    .command('revoke <id>')
    .description('Revoke an API key by id')
    .action(async (id: string) => {
      await withCliContext(config(), [ApiKeysCoreModule], (ctx) =>
        ctx.get(ApiKeysService).revoke(id),
      );
      process.stdout.write(`Revoked ${id}\n`);
    });
}
