import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfigOrExit } from './bootstrap/load-config-or-exit';
import { assertRedisNoEviction } from './jobs/redis-policy';

/** Server mode worker: takes jobs from BullMQ, no HTTP. Run as many as the load needs. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.isEmbedded) {
    throw new Error(
      'The worker is for server mode: set DATABASE_URL and REDIS_URL. Embedded mode runs jobs inside `npm start`.',
    );
  }
  await assertRedisNoEviction(config.requireRedisUrl());
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  new NestLogger('Worker').log('Worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
