/**
 * Unit specs live beside the code (no database). Integration and e2e specs under test/ run
 * against embedded PGlite, or against real PostgreSQL and Redis when DATABASE_URL and
 * REDIS_URL are set (a fresh database and queue prefix per run; see test/setup).
 */
const { existsSync } = require('node:fs');

const transform = { '^.+\\.ts$': ['ts-jest', {}] };
// BullMQ- and Redis-specific specs need the real servers; they join the run in server mode.
const serverMode = Boolean(process.env.DATABASE_URL) && Boolean(process.env.REDIS_URL);
// Browser specs drive Debian's Chromium; they run where it is installed, and always in CI.
const browser =
  existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') || process.env.CI === 'true';

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
      moduleFileExtensions: ['js', 'json', 'ts'],
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      rootDir: '.',
      testMatch: [
        '<rootDir>/test/**/*.integration-spec.ts',
        '<rootDir>/test/**/*.e2e-spec.ts',
        ...(serverMode ? ['<rootDir>/test/**/*.server-spec.ts'] : []),
        ...(browser ? ['<rootDir>/test/**/*.browser-spec.ts'] : []),
      ],
      moduleFileExtensions: ['js', 'json', 'ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
};
