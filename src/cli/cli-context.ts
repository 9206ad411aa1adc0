import {
  type INestApplicationContext,
  Module,
  type DynamicModule,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';

/**
 * A small application context for one CLI command: configuration, the database and the
 * feature modules the command needs. Logs go to stderr so stdout carries only results.
 */
export async function withCliContext<T>(
  config: AppConfig,
  features: (Type | DynamicModule)[],
  work: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, ...features] })
  class CliModule {}
  const context = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
