import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A MATCH_CONFIG_FILE holding `config` (the defaults fill in the rest). */
export function matchConfigFile(config: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mdm-match-')), 'match.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** The test app on an embedded in-memory database of its own, with a match configuration. */
export function createEmbeddedTestApp(config: Record<string, unknown>): Promise<TestApp> {
  return createTestApp({
    DATABASE_URL: '',
    DATA_DIR: 'memory://',
    MATCH_CONFIG_FILE: matchConfigFile(config),
  });
}
