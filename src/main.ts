import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ApiKeysService } from './auth/api-keys.service';
import { createHttpApp } from './bootstrap/http-app';
import { loadConfigOrExit } from './bootstrap/load-config-or-exit';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createHttpApp(config);
  if (config.isEmbedded) await printInitialAdminKey(app.get(ApiKeysService), config.port);
  await app.listen(config.port);
  new Logger('Main').log(`API listening on port ${config.port} (${config.mode} mode)`);
}

/** First start of embedded mode: make the README's first curl work without another step. */
async function printInitialAdminKey(apiKeys: ApiKeysService, port: number): Promise<void> {
  const created = await apiKeys.createInitialAdminKey();
  if (created === undefined) return;
  process.stdout.write(
    `\nNo API key existed, so an admin key was created. It is shown only this once:\n\n  ${created.key}\n\n` +
      `Try: curl -H "X-API-Key: ${created.key}" http://localhost:${port}/v1/keys\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Startup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
