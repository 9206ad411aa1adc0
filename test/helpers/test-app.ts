import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import type { Role } from '../../src/auth/roles';
import { createHttpApp } from '../../src/bootstrap/http-app';
import { testConfig } from './test-config';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  keys: Record<Role, string>;
  close(): Promise<void>;
}

/** The real HTTP application (same bootstrap as main.ts) with one key per role. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const app = await createHttpApp(testConfig(overrides));
  await app.init();
  const apiKeys = app.get(ApiKeysService);
  const keys = {} as Record<Role, string>;
  for (const role of ['system', 'steward', 'admin'] as const) {
    keys[role] = (await apiKeys.create(`test ${role}`, role)).key;
  }
  return { app, http: request(app.getHttpServer()), keys, close: () => app.close() };
}
